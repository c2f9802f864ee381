import { randomBytes } from "node:crypto";
import type { Database, EmailTokensTable } from "@parley/db";
import type { Kysely } from "kysely";
import { AppError } from "../../errors";
import { hashToken } from "../accounts/sessions";

export type EmailTokenPurpose = EmailTokensTable["purpose"];

/**
 * A new single-use link token: 256 random bits for the email, only their SHA-256 stored, so a
 * leaked database (or backup) holds no working link.
 */
export async function issueEmailToken(
  db: Kysely<Database>,
  input: { userId: string; purpose: EmailTokenPurpose; email: string; ttlMs: number },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await db
    .insertInto("email_tokens")
    .values({
      token_hash: hashToken(token),
      user_id: input.userId,
      purpose: input.purpose,
      email: input.email,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + input.ttlMs).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

/**
 * Uses up a link's token inside the caller's transaction and returns whose it is. Unknown,
 * used, expired, or sent to an address the account no longer has: LINK_INVALID, one answer for
 * all (nothing to learn by probing). The guarded update lets only one of two concurrent uses
 * of the same link through.
 */
export async function useEmailToken(
  tx: Kysely<Database>,
  token: string,
  purpose: EmailTokenPurpose,
): Promise<{ userId: string; email: string }> {
  const now = new Date().toISOString();
  const tokenHash = hashToken(token);
  const used = await tx
    .updateTable("email_tokens")
    .set({ used_at: now })
    .where("token_hash", "=", tokenHash)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  const invalid = new AppError(
    "LINK_INVALID",
    "This link has expired or was already used. Ask for a new one.",
  );
  if (Number(used.numUpdatedRows) === 0) throw invalid;
  const row = await tx
    .selectFrom("email_tokens")
    .innerJoin("users", "users.id", "email_tokens.user_id")
    .select(["users.id", "users.email", "email_tokens.email as sent_to"])
    .where("email_tokens.token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (!row || row.email !== row.sent_to) throw invalid;
  return { userId: row.id, email: row.email };
}
