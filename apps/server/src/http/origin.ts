import type { Config } from "../config";

/**
 * Whether a browser request's Origin may act with the user's cookie. With PUBLIC_URL set, only
 * that origin; otherwise the origin must name the same host the request was sent to (which a
 * cross-site page cannot fake). Requests without Origin come from non-browser clients, which
 * cannot be tricked into sending someone else's cookie, so they pass.
 */
export function isAllowedOrigin(
  config: Pick<Config, "allowedOrigins">,
  origin: string | undefined,
  host: string | undefined,
): boolean {
  if (origin === undefined) return true;
  if (config.allowedOrigins.length > 0) return config.allowedOrigins.includes(origin);
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
