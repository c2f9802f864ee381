import { z } from "zod";

/** An OpenID Connect provider offered on the sign-in page. */
export const OidcProvider = z.object({
  id: z.string(),
  /** Shown as "Continue with <name>". */
  name: z.string(),
});
export type OidcProvider = z.infer<typeof OidcProvider>;

export const OidcProvidersResponse = z.object({ providers: z.array(OidcProvider) });
export type OidcProvidersResponse = z.infer<typeof OidcProvidersResponse>;

/**
 * Why a sign-in with a provider failed: the server redirects to `/login?error=<code>` and the
 * page shows the message. Codes are stable; the client never shows a code it does not know.
 */
export const OIDC_ERROR_MESSAGES = {
  unknown_provider: "That sign-in provider is not configured on this server.",
  rate_limited: "Too many sign-in attempts from your network. Wait a few minutes and try again.",
  state_invalid:
    "The sign-in could not be verified (it expired, was already used, or was started in another browser). Please try again.",
  provider_denied: "The sign-in was cancelled or refused by the provider.",
  provider_unavailable: "The sign-in provider could not be reached. Try again later.",
  exchange_failed: "The provider's answer could not be verified. Please try again.",
  email_missing: "The provider did not share an email address, which Parley needs for an account.",
  email_unverified:
    "An account with this email already exists, and the provider has not verified that the email is yours. Sign in with your password: Parley then links the provider to your account.",
  account_unconfirmed:
    "An account with this email already exists, but its email address was never confirmed. Sign in with its password: Parley then links the provider to your account.",
  identity_taken: "That provider account is already linked to another Parley account.",
  email_unverified_new:
    "The provider has not verified your email address. Verify it with the provider, or create an account with a password.",
  account_deactivated: "This account has been deactivated.",
} as const;
export type OidcErrorCode = keyof typeof OIDC_ERROR_MESSAGES;

export function isOidcErrorCode(value: unknown): value is OidcErrorCode {
  return typeof value === "string" && Object.hasOwn(OIDC_ERROR_MESSAGES, value);
}

/**
 * The page to land on after a provider sign-in: an app page (a room or an invite), the same
 * paths the sign-in page accepts; anything else (another site, "//host", an API path) is /rooms.
 */
export function oidcNextPath(value: unknown): string {
  if (typeof value !== "string") return "/rooms";
  if (/^\/rooms(\/[A-Za-z0-9_-]*)*$/.test(value) || /^\/invite\/[A-Za-z0-9_-]{1,64}$/.test(value))
    return value;
  return "/rooms";
}
