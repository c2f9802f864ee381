import { createHash, randomBytes } from "node:crypto";
import type { User } from "@parley/protocol";
import type { AppContext } from "../../context";
import { toUser } from "./to-user";

/** The cookie holds 256 random bits; the database holds only their hash. */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(
  ctx: Pick<AppContext, "db" | "config">,
  userId: string,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlMs);
  await ctx.db
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    })
    .execute();
  return { token, expiresAt };
}

/** The signed-in user behind a session: the account as its owner sees it. */
export type SessionUser = User;

/** The user behind a session token, or null when the token is unknown or expired. */
export async function findSessionUser(
  ctx: Pick<AppContext, "db">,
  token: string | undefined,
): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const row = await ctx.db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "users.id",
      "users.email",
      "users.display_name",
      "users.created_at",
      "users.is_admin",
      "users.deactivated_at",
      "sessions.expires_at",
    ])
    .where("sessions.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= new Date().toISOString() || row.deactivated_at) return null;
  return toUser(row);
}
