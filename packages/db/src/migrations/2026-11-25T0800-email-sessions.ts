import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";

// Email (verification, password reset, digest) and a view of one's own sessions.
// users.email_verified_at: when the person proved they read the inbox (a verification link, or a
// password reset link); NULL: not yet. users.email_digest: 1 = email me the mentions and DMs I
// missed when I have no working push; 0 = never.
// email_tokens: single-use links sent by email, stored only as the SHA-256 of their token;
// `purpose` is "verify" or "reset", `email` the address the link was sent to (a link proves only
// that address), `used_at` is set when a link is used (a guarded update: it works once).
// sessions gain a public `id` (the settings page names a session by it; the token's hash is
// never shown), the user agent and IP they were created from, and `last_used_at` (touched at most
// every few minutes). notifications.emailed_at: the entry went out in a digest email.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("users").addColumn("email_verified_at", "text").execute();
  await db.schema
    .alterTable("users")
    .addColumn("email_digest", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("email_tokens")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema
    .createIndex("email_tokens_user_idx")
    .on("email_tokens")
    .columns(["user_id", "purpose"])
    .execute();

  await db.schema.alterTable("sessions").addColumn("id", "text").execute();
  await db.schema.alterTable("sessions").addColumn("user_agent", "text").execute();
  await db.schema.alterTable("sessions").addColumn("ip", "text").execute();
  await db.schema.alterTable("sessions").addColumn("last_used_at", "text").execute();
  // Sessions signed in before this migration get a random public id: never one derived from
  // the token's hash, which must not leave the server.
  const typed = db as Kysely<{ sessions: { token_hash: string; id: string | null } }>;
  const existing = await typed.selectFrom("sessions").select("token_hash").execute();
  for (const row of existing) {
    await typed
      .updateTable("sessions")
      .set({ id: randomUUID() })
      .where("token_hash", "=", row.token_hash)
      .execute();
  }
  await db.schema.createIndex("sessions_id_uq").on("sessions").column("id").unique().execute();

  await db.schema.alterTable("notifications").addColumn("emailed_at", "text").execute();
}
