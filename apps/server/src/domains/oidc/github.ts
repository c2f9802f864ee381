import * as client from "openid-client";
import type { ProviderClaims } from "./identities";
import { GITHUB_DEFAULTS, isLoopback, type OidcProviderConfig } from "./oidc-config";

/** What a GitHub sign-in asks for: the profile, and the email addresses with their verification. */
export const GITHUB_SCOPE = "read:user user:email";

/**
 * GitHub's OAuth 2.0 endpoints as an openid-client configuration (GitHub has no discovery
 * document and issues no ID token). The secret goes in the token request's body, the way
 * GitHub documents it.
 */
export function githubClient(provider: OidcProviderConfig): client.Configuration {
  const origin = new URL(provider.issuer).origin;
  const config = new client.Configuration(
    {
      issuer: provider.issuer,
      authorization_endpoint: `${origin}/login/oauth/authorize`,
      token_endpoint: `${origin}/login/oauth/access_token`,
    },
    provider.clientId,
    undefined,
    client.ClientSecretPost(provider.clientSecret),
  );
  // Plain http only for a stand-in on this machine (config.ts refuses it elsewhere).
  if (new URL(origin).protocol === "http:" && isLoopback(new URL(origin).hostname)) {
    client.allowInsecureRequests(config);
  }
  return config;
}

interface GitHubUser {
  id: number;
  login: string;
  name: string | null;
}

interface GitHubEmail {
  email: string;
  primary: boolean;
  verified: boolean;
}

/**
 * The person behind a GitHub access token, as the claims an OpenID provider would give: the
 * account's numeric id as the subject (a login can be renamed, the id never changes), the
 * primary email with GitHub's word on whether it is verified, and the display name (else the
 * login). Everything else about identities (linking, creating) is the same as for OIDC.
 */
export async function githubClaims(
  provider: OidcProviderConfig,
  accessToken: string,
): Promise<ProviderClaims> {
  const api = provider.apiUrl ?? GITHUB_DEFAULTS.apiUrl;
  const user = await githubGet<GitHubUser>(api, "/user", accessToken);
  const emails = await githubGet<GitHubEmail[]>(api, "/user/emails", accessToken);
  if (typeof user?.id !== "number" || !Array.isArray(emails))
    throw new Error("GitHub answered an unexpected shape");
  const primary = emails.find((e) => e.primary) ?? null;
  return {
    sub: String(user.id),
    email: primary?.email,
    email_verified: primary?.verified === true,
    name: user.name ?? user.login,
  };
}

async function githubGet<T>(api: string, path: string, accessToken: string): Promise<T> {
  const res = await fetch(`${api.replace(/\/$/, "")}${path}`, {
    headers: {
      authorization: `Bearer ${accessToken}`,
      accept: "application/vnd.github+json",
      "x-github-api-version": "2022-11-28",
      // GitHub refuses API requests without a User-Agent.
      "user-agent": "Parley",
    },
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`GitHub ${path} answered ${res.status}`);
  return (await res.json()) as T;
}
