import { createHash, randomBytes, randomUUID } from "node:crypto";
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

/** Where a request came from, recorded on its session for the "Sign-in & security" list. */
export interface SessionSeen {
  userAgent?: string | undefined;
  ip?: string | undefined;
}

/** A User-Agent is whatever the client sent: kept short so a huge header cannot bloat the row. */
const USER_AGENT_MAX = 400;
/**
 * last_used_at is written at most this often per session: the list shows "active 3 minutes
 * ago" just as well, and a busy client does not turn every request into a write.
 */
export const SESSION_TOUCH_MS = 5 * 60_000;

const cap = (text: string | undefined, max: number) => (text ? text.slice(0, max) : null);

export async function createSession(
  ctx: Pick<AppContext, "db" | "config">,
  userId: string,
  seen: SessionSeen = {},
): Promise<{ token: string; expiresAt: Date; id: string }> {
  const token = newSessionToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlMs);
  const id = randomUUID();
  await ctx.db
    .insertInto("sessions")
    .values({
      token_hash: hashToken(token),
      id,
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      user_agent: cap(seen.userAgent, USER_AGENT_MAX),
      ip: cap(seen.ip, 100),
      last_used_at: now.toISOString(),
    })
    .execute();
  return { token, expiresAt, id };
}

/** The signed-in user behind a session: the account as its owner sees it. */
export type SessionUser = User;

/**
 * The user behind a session token, or null when the token is unknown or expired. With `seen`
 * (HTTP requests), the session's last use, IP and — for sessions made without one, such as an
 * OpenID sign-in's — user agent are brought up to date, at most every SESSION_TOUCH_MS.
 */
export async function findSessionUser(
  ctx: Pick<AppContext, "db">,
  token: string | undefined,
  seen?: SessionSeen,
): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const tokenHash = hashToken(token);
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
      "sessions.last_used_at",
    ])
    .where("sessions.token_hash", "=", tokenHash)
    .executeTakeFirst();
  const now = new Date();
  if (!row || row.expires_at <= now.toISOString() || row.deactivated_at) return null;
  const stale = new Date(now.getTime() - SESSION_TOUCH_MS).toISOString();
  if (row.last_used_at === null || row.last_used_at < stale) {
    // Guarded by the same condition, so concurrent requests of one session write it once.
    await ctx.db
      .updateTable("sessions")
      .set((eb) => ({
        last_used_at: now.toISOString(),
        ...(seen?.ip ? { ip: cap(seen.ip, 100) } : {}),
        ...(seen?.userAgent
          ? { user_agent: eb.fn.coalesce("user_agent", eb.val(cap(seen.userAgent, USER_AGENT_MAX))) }
          : {}),
      }))
      .where("token_hash", "=", tokenHash)
      .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", stale)]))
      .execute();
  }
  return toUser(row);
}
