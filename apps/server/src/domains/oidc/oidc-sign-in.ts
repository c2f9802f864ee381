import { randomBytes } from "node:crypto";
import { oidcNextPath } from "@parley/protocol";
import * as client from "openid-client";
import type { AppContext } from "../../context";
import { ipBucket } from "../../limits/ip-bucket";
import { hashToken } from "../accounts/sessions";
import { GITHUB_SCOPE, githubClaims } from "./github";
import { linkIdentity, type ProviderClaims, signInWithIdentity } from "./identities";
import { providerClient } from "./oidc-clients";
import type { OidcProviderConfig } from "./oidc-config";
import { OidcFailure } from "./oidc-errors";

/** How long a started sign-in may take at the provider. */
export const SIGN_IN_TTL_MS = 10 * 60 * 1000;

type Ctx = Pick<AppContext, "db" | "bus" | "config" | "rateLimiter" | "log">;

export function findProvider(ctx: Pick<AppContext, "config">, id: string): OidcProviderConfig {
  const provider = ctx.config.oidc.providers.find((p) => p.id === id);
  if (!provider) throw new OidcFailure("unknown_provider", `No OpenID provider "${id}" is configured`);
  return provider;
}

/** A token for the browser's cookie: the same browser must come back with it. */
export function newBrowserToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Starts a sign-in: authorization code flow with PKCE (S256), a random state and nonce kept
 * in an oidc_logins row tied to this browser's token, and the provider's URL to go to.
 */
export async function startOidcSignIn(
  ctx: Ctx,
  input: {
    providerId: string;
    origin: string;
    next: unknown;
    ip: string;
    browserToken: string;
    /** The signed-in account, to link the identity to; null for a sign-in. */
    linkUserId: string | null;
  },
): Promise<URL> {
  const provider = findProvider(ctx, input.providerId);
  const wait = await ctx.rateLimiter.take([
    { key: `oidc:start:ip:${ipBucket(input.ip)}`, limit: ctx.config.oidc.startsPerIp },
  ]);
  if (wait > 0) throw new OidcFailure("rate_limited", `Too many sign-ins started; retry in ${wait} s`);

  let config: client.Configuration;
  try {
    config = await providerClient(provider);
  } catch (error) {
    throw new OidcFailure("provider_unavailable", `Discovery of ${provider.issuer} failed`, error);
  }
  const redirectUri = `${ctx.config.oidc.publicOrigin ?? input.origin}/api/auth/oidc/${provider.id}/callback`;
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const now = Date.now();
  // Sign-ins never finished (abandoned at the provider) are swept as new ones start.
  await ctx.db.deleteFrom("oidc_logins").where("expires_at", "<", new Date(now).toISOString()).execute();
  await ctx.db
    .insertInto("oidc_logins")
    .values({
      state,
      provider: provider.id,
      browser_hash: hashToken(input.browserToken),
      nonce,
      code_verifier: codeVerifier,
      redirect_uri: redirectUri,
      next_path: oidcNextPath(input.next),
      link_user_id: input.linkUserId,
      expires_at: new Date(now + SIGN_IN_TTL_MS).toISOString(),
    })
    .execute();
  return client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    response_type: "code",
    state,
    // GitHub is OAuth 2.0 only: no ID token, so no nonce to bind it.
    ...(provider.type === "github" ? { scope: GITHUB_SCOPE } : { scope: "openid email profile", nonce }),
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
}

/**
 * Finishes a sign-in when the provider sends the browser back: the state must be one this
 * browser started (and is used up now), then openid-client exchanges the code with the PKCE
 * verifier and validates the ID token (signature, issuer, audience, expiry, nonce).
 * Returns the account to open a session for, and where to go next.
 */
export async function finishOidcSignIn(
  ctx: Ctx,
  input: {
    providerId: string;
    query: string;
    browserToken: string | undefined;
    /** The account signed in now (a link must finish in the account that started it). */
    sessionUserId: string | null;
  },
): Promise<{ userId: string; next: string }> {
  const provider = findProvider(ctx, input.providerId);
  const params = new URLSearchParams(input.query);
  const state = params.get("state") ?? "";
  const row =
    state && state.length <= 200
      ? await ctx.db.selectFrom("oidc_logins").selectAll().where("state", "=", state).executeTakeFirst()
      : undefined;
  const browserHash = input.browserToken ? hashToken(input.browserToken) : "";
  if (!row || row.provider !== provider.id || row.browser_hash !== browserHash) {
    throw new OidcFailure("state_invalid", "Unknown state, or started by another browser");
  }
  // Used once: of two callbacks racing with one state, only the one that deletes it goes on.
  const deleted = await ctx.db
    .deleteFrom("oidc_logins")
    .where("state", "=", state)
    .where("browser_hash", "=", browserHash)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) !== 1) throw new OidcFailure("state_invalid", "State already used");
  if (row.expires_at <= new Date().toISOString()) throw new OidcFailure("state_invalid", "Sign-in expired");
  if (row.link_user_id !== null && row.link_user_id !== input.sessionUserId) {
    throw new OidcFailure("state_invalid", "The account that started the link is no longer signed in");
  }
  if (params.has("error")) {
    throw new OidcFailure(
      "provider_denied",
      `Provider answered ${params.get("error")}: ${params.get("error_description") ?? ""}`,
    );
  }

  let config: client.Configuration;
  try {
    config = await providerClient(provider);
  } catch (error) {
    throw new OidcFailure("provider_unavailable", `Discovery of ${provider.issuer} failed`, error);
  }
  let claims: ProviderClaims;
  try {
    if (provider.type === "github") {
      const tokens = await client.authorizationCodeGrant(
        config,
        new URL(`${row.redirect_uri}?${input.query}`),
        {
          pkceCodeVerifier: row.code_verifier,
          expectedState: row.state,
        },
      );
      claims = await githubClaims(provider, tokens.access_token);
    } else {
      claims = await oidcClaims(config, row, input.query);
    }
  } catch (error) {
    throw new OidcFailure("exchange_failed", "Code exchange or ID token validation failed", error);
  }
  const user = row.link_user_id
    ? await linkIdentity(ctx, provider.id, claims, row.link_user_id)
    : await signInWithIdentity(ctx, provider.id, claims);
  return { userId: user.id, next: row.next_path };
}

/** The ID token's claims (openid-client checks signature, issuer, audience, expiry, nonce). */
async function oidcClaims(
  config: client.Configuration,
  row: { redirect_uri: string; code_verifier: string; state: string; nonce: string },
  query: string,
): Promise<ProviderClaims> {
  const tokens = await client.authorizationCodeGrant(config, new URL(`${row.redirect_uri}?${query}`), {
    pkceCodeVerifier: row.code_verifier,
    expectedState: row.state,
    expectedNonce: row.nonce,
    idTokenExpected: true,
  });
  const idToken = tokens.claims();
  if (!idToken) throw new Error("no ID token");
  const claims = idToken as ProviderClaims;
  // Some providers put email and name only in the UserInfo answer, not in the ID token.
  if (claims.email !== undefined || !tokens.access_token) return claims;
  const info = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
  return { ...info, ...claims, email: info.email, email_verified: info.email_verified } as ProviderClaims;
}
