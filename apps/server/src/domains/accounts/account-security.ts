import type { AccountSecurity } from "@parley/protocol";
import type { AppContext } from "../../context";
import { NO_PASSWORD } from "../oidc/identities";
import { isEmailVerified } from "./email-verified";

/** My email, whether it is confirmed, whether I have a password, and the digest preference. */
export async function getAccountSecurity(
  ctx: Pick<AppContext, "db">,
  userId: string,
): Promise<AccountSecurity> {
  const user = await ctx.db
    .selectFrom("users")
    .selectAll()
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  return {
    email: user.email,
    emailVerified: isEmailVerified(user),
    hasPassword: user.password_hash !== NO_PASSWORD,
    emailDigest: Number(user.email_digest) === 1,
  };
}

/** Turns the email digest of missed mentions and DMs on or off. */
export async function setEmailDigest(
  ctx: Pick<AppContext, "db">,
  userId: string,
  on: boolean,
): Promise<AccountSecurity> {
  await ctx.db
    .updateTable("users")
    .set({ email_digest: on ? 1 : 0 })
    .where("id", "=", userId)
    .execute();
  return getAccountSecurity(ctx, userId);
}
