import { randomUUID } from "node:crypto";
import { isUniqueViolation } from "@parley/db";
import { DISPLAY_NAME_MAX_LENGTH, type User } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { isEmailVerified } from "../accounts/email-verified";
import { toUser } from "../accounts/to-user";
import { OidcFailure } from "./oidc-errors";

/** The ID token claims Parley reads (validated by openid-client before they get here). */
export interface ProviderClaims {
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
  given_name?: unknown;
}

/** password_hash of an account created by a provider: no password matches it (see sign-in.ts). */
export const NO_PASSWORD = "";

/**
 * The account for a provider identity. A known (provider, sub) signs in to its account. An
 * unknown one is linked to the account with its email only when the provider says the email
 * is verified — that proves ownership; otherwise a password account is never taken over —
 * and the account's own email was confirmed too: anyone may sign up with an address that is
 * not theirs, and linking the real owner's provider to that account would leave its
 * password in the squatter's hands (account pre-hijacking). Such an account is linked only
 * after its password sign-in. With no such account, a verified email gets a new account
 * (without a password).
 */
export async function signInWithIdentity(
  ctx: Pick<AppContext, "db" | "bus">,
  provider: string,
  claims: ProviderClaims,
  retried = false,
): Promise<User> {
  const linked = await ctx.db
    .selectFrom("user_identities")
    .innerJoin("users", "users.id", "user_identities.user_id")
    .selectAll("users")
    .where("user_identities.provider", "=", provider)
    .where("user_identities.subject", "=", claims.sub)
    .executeTakeFirst();
  if (linked) {
    if (linked.deactivated_at) throw new OidcFailure("account_deactivated", "Account deactivated");
    return toUser(linked);
  }

  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  if (!/^[^@\s]+@[^@\s]+$/.test(email) || email.length > 254) {
    throw new OidcFailure("email_missing", "The ID token has no usable email claim");
  }
  // Only the boolean true counts: a missing claim or the string "true" proves nothing.
  if (claims.email_verified !== true) {
    const taken = await ctx.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
    throw new OidcFailure(
      taken ? "email_unverified" : "email_unverified_new",
      `The provider has not verified ${email}`,
    );
  }
  const now = new Date().toISOString();
  try {
    return await runAction(ctx, async ({ tx }) => {
      const existing = await tx.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
      if (existing?.deactivated_at) throw new OidcFailure("account_deactivated", "Account deactivated");
      if (existing && !isEmailVerified(existing)) {
        throw new OidcFailure("account_unconfirmed", `The account for ${email} never confirmed its email`);
      }
      let user: User;
      if (existing) {
        user = toUser(existing);
      } else {
        user = {
          id: randomUUID(),
          email,
          displayName: displayNameFrom(claims, email),
          createdAt: now,
          isAdmin: false,
        };
        await tx
          .insertInto("users")
          .values({
            id: user.id,
            email,
            display_name: user.displayName,
            password_hash: NO_PASSWORD,
            created_at: now,
          })
          .execute();
        // As with password sign-up: the first account on a server administers it.
        const granted = await tx
          .updateTable("users")
          .set({ is_admin: 1 })
          .where("id", "=", user.id)
          .where((eb) =>
            eb.not(eb.exists(eb.selectFrom("users as u").select("u.id").where("u.is_admin", "=", 1))),
          )
          .executeTakeFirst();
        user = { ...user, isAdmin: Number(granted.numUpdatedRows) > 0 };
      }
      await tx
        .insertInto("user_identities")
        .values({ provider, subject: claims.sub, user_id: user.id, email, created_at: now })
        .execute();
      return user;
    });
  } catch (error) {
    // The same identity (or email) arriving twice at once: the unique keys decided; look again.
    if (isUniqueViolation(error) && !retried) return signInWithIdentity(ctx, provider, claims, true);
    throw error;
  }
}

/** The provider's name, else the given name, else the email's local part. */
export function displayNameFrom(claims: ProviderClaims, email: string): string {
  for (const candidate of [claims.name, claims.given_name, email.split("@")[0]]) {
    if (typeof candidate !== "string") continue;
    const name = candidate.trim().replace(/\s+/g, " ").slice(0, DISPLAY_NAME_MAX_LENGTH).trim();
    if (name) return name;
  }
  return "New user";
}

/**
 * Links a provider identity to the signed-in account that asked for it (its password sign-in
 * proved the account is theirs; the provider's sign-in proves the identity is). An identity
 * already linked to another account stays there.
 */
export async function linkIdentity(
  ctx: Pick<AppContext, "db">,
  provider: string,
  claims: ProviderClaims,
  userId: string,
): Promise<User> {
  const user = await ctx.db.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirst();
  if (!user || user.deactivated_at) throw new OidcFailure("account_deactivated", "Account deactivated");
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : null;
  try {
    await ctx.db
      .insertInto("user_identities")
      .values({ provider, subject: claims.sub, user_id: userId, email, created_at: new Date().toISOString() })
      .execute();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const owner = await ctx.db
      .selectFrom("user_identities")
      .select("user_id")
      .where("provider", "=", provider)
      .where("subject", "=", claims.sub)
      .executeTakeFirst();
    if (owner?.user_id !== userId)
      throw new OidcFailure("identity_taken", "Identity linked to another account");
  }
  return toUser(user);
}
