import type { Kysely } from "kysely";

// Sign-in with OpenID Connect providers.
// user_identities: an account's identity at a provider (the provider's `sub` for it), so a later
// sign-in with that provider finds the same account. One account per (provider, subject).
// oidc_logins: sign-ins in flight (10 minutes at most), keyed by the random `state` sent to the
// provider; browser_hash ties one to the browser that started it (a cookie holds the token),
// and the row is deleted when the provider's answer is used, so a callback works once. A sign-in
// started while signed in (link_user_id) links the provider to that account instead.
// Accounts created by a provider have password_hash '' (no password): password sign-in is refused.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("user_identities")
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("email", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_identities_pk", ["provider", "subject"])
    .execute();
  await db.schema.createIndex("user_identities_user").on("user_identities").column("user_id").execute();
  await db.schema
    .createTable("oidc_logins")
    .addColumn("state", "text", (c) => c.primaryKey())
    .addColumn("provider", "text", (c) => c.notNull())
    .addColumn("browser_hash", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("code_verifier", "text", (c) => c.notNull())
    .addColumn("redirect_uri", "text", (c) => c.notNull())
    .addColumn("next_path", "text", (c) => c.notNull())
    // Started while signed in: the identity is linked to this account (the callback checks
    // that the same account is still signed in).
    .addColumn("link_user_id", "text")
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("oidc_logins_expiry").on("oidc_logins").column("expires_at").execute();
}
