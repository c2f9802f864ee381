/** One OpenID provider people may sign in with, from the environment. */
export interface OidcProviderConfig {
  /** Lower-case id used in URLs: /api/auth/oidc/<id>/start. */
  id: string;
  /** Button label: "Continue with <name>". */
  name: string;
  /** Issuer URL; its /.well-known/openid-configuration is read at first use. */
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface OidcConfig {
  providers: OidcProviderConfig[];
  /** Base of the redirect URI (PUBLIC_URL's origin); null = the origin of the request. */
  publicOrigin: string | null;
}

const ID = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * Reads `OIDC_PROVIDERS=google,corp` and, per id, `OIDC_<ID>_ISSUER`, `OIDC_<ID>_CLIENT_ID`,
 * `OIDC_<ID>_CLIENT_SECRET` and optional `OIDC_<ID>_NAME` (ID upper-cased, "-" as "_").
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
    const issuer = read("ISSUER");
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
    if (!issuer || !clientId || !clientSecret || !isIssuerUrl(issuer)) continue;
    providers.push({ id, name: read("NAME") || id, issuer, clientId, clientSecret });
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
