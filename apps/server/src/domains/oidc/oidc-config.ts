/** One OpenID provider people may sign in with, from the environment. */
export interface OidcProviderConfig {
  /** Lower-case id used in URLs: /api/auth/oidc/<id>/start. */
  id: string;
  /** Button label: "Continue with <name>". */
  name: string;
  /**
   * "oidc": any OpenID Connect provider (discovery, ID token). "github": GitHub's OAuth 2.0
   * (no OpenID Connect): the person and their verified email come from GitHub's REST API.
   */
  type?: "oidc" | "github";
  /** Issuer URL; its /.well-known/openid-configuration is read at first use. GitHub: its web origin. */
  issuer: string;
  /** GitHub only: its REST API's base URL (GitHub Enterprise: https://<host>/api/v3). */
  apiUrl?: string;
  clientId: string;
  clientSecret: string;
}

/** github.com and its API: what a `type=github` provider talks to unless told otherwise. */
export const GITHUB_DEFAULTS = { issuer: "https://github.com", apiUrl: "https://api.github.com" } as const;

export interface OidcConfig {
  providers: OidcProviderConfig[];
  /** Base of the redirect URI (PUBLIC_URL's origin); null = the origin of the request. */
  publicOrigin: string | null;
}

const ID = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * Reads `OIDC_PROVIDERS=google,corp` and, per id, `OIDC_<ID>_ISSUER`, `OIDC_<ID>_CLIENT_ID`,
 * `OIDC_<ID>_CLIENT_SECRET` and optional `OIDC_<ID>_NAME` (ID upper-cased, "-" as "_").
 * `OIDC_<ID>_TYPE=github` makes it GitHub's OAuth 2.0 instead: the issuer defaults to
 * https://github.com and `OIDC_<ID>_API_URL` to https://api.github.com (set both for
 * GitHub Enterprise).
 * Returns the problems instead of throwing, so config.ts reports them with the others.
 */
export function parseOidcProviders(env: NodeJS.ProcessEnv): {
  providers: OidcProviderConfig[];
  problems: string[];
} {
  const list = (env.OIDC_PROVIDERS ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const providers: OidcProviderConfig[] = [];
  const problems: string[] = [];
  for (const id of list) {
    if (!ID.test(id)) {
      problems.push(`OIDC_PROVIDERS: "${id}" is not a valid id (a-z, 0-9, "-"; starts with a letter)`);
      continue;
    }
    if (providers.some((p) => p.id === id)) {
      problems.push(`OIDC_PROVIDERS: "${id}" is listed twice`);
      continue;
    }
    const prefix = `OIDC_${id.toUpperCase().replaceAll("-", "_")}_`;
    const read = (key: string) => env[prefix + key]?.trim() ?? "";
    const type = read("TYPE").toLowerCase() || "oidc";
    if (type !== "oidc" && type !== "github") {
      problems.push(`${prefix}TYPE: "${type}" is not a provider type (oidc or github)`);
      continue;
    }
    const github = type === "github";
    const issuer = read("ISSUER") || (github ? GITHUB_DEFAULTS.issuer : "");
    const apiUrl = read("API_URL") || GITHUB_DEFAULTS.apiUrl;
    const clientId = read("CLIENT_ID");
    const clientSecret = read("CLIENT_SECRET");
    for (const [key, value] of [
      ["ISSUER", issuer],
      ["CLIENT_ID", clientId],
      ["CLIENT_SECRET", clientSecret],
    ]) {
      if (!value) problems.push(`${prefix}${key}: required because OIDC_PROVIDERS lists "${id}"`);
    }
    if (issuer && !isIssuerUrl(issuer)) {
      problems.push(`${prefix}ISSUER: must be an https:// URL (http:// only on localhost/127.0.0.1)`);
    }
    if (github && !isIssuerUrl(apiUrl)) {
      problems.push(`${prefix}API_URL: must be an https:// URL (http:// only on localhost/127.0.0.1)`);
    }
    if (!issuer || !clientId || !clientSecret || !isIssuerUrl(issuer)) continue;
    if (github) {
      if (!isIssuerUrl(apiUrl)) continue;
      providers.push({
        id,
        name: read("NAME") || "GitHub",
        type: "github",
        issuer,
        apiUrl,
        clientId,
        clientSecret,
      });
    } else {
      providers.push({ id, name: read("NAME") || id, issuer, clientId, clientSecret });
    }
  }
  return { providers, problems };
}

/** https anywhere; plain http only on the loopback (a provider run for tests or development). */
export function isIssuerUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && isLoopback(url.hostname);
}

export function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}
