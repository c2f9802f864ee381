import { NO_PASSWORD } from "../oidc/identities";

/**
 * Whether the account's email is proven to be its owner's: a verification or reset link was
 * used, or the account was created by an OpenID provider that vouched for the address (it
 * creates accounts only for emails the provider marks verified, and they have no password).
 */
export function isEmailVerified(user: { email_verified_at: string | null; password_hash: string }): boolean {
  return user.email_verified_at !== null || user.password_hash === NO_PASSWORD;
}
