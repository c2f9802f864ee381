import { isIP } from "node:net";
import { AppError } from "../../errors";

/**
 * Checks a push endpoint before the server ever POSTs to it. The endpoint comes from the
 * browser, that is from the user: without this check anyone could make the server send
 * requests to internal addresses (SSRF). Push services are public https URLs, so only those
 * are accepted: no plain http, no credentials in the URL, no loopback, private or link-local
 * address literals, no `localhost`. (`allowLoopback` is for the test push service only.)
 */
export function checkPushEndpoint(endpoint: string, allowLoopback: boolean): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new AppError("PUSH_ENDPOINT_REJECTED", "The push endpoint is not a URL");
  }
  if (url.protocol !== "https:")
    throw new AppError("PUSH_ENDPOINT_REJECTED", "The push endpoint must be https");
  if (url.username || url.password) {
    throw new AppError("PUSH_ENDPOINT_REJECTED", "The push endpoint must not carry credentials");
  }
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const loopback = host === "localhost" || host.endsWith(".localhost") || isLoopbackIp(host);
  if (loopback && allowLoopback) return url.href;
  if (loopback || isPrivateIp(host) || (!host.includes(".") && isIP(host) === 0)) {
    throw new AppError("PUSH_ENDPOINT_REJECTED", "The push endpoint must be a public push service");
  }
  return url.href;
}

function isLoopbackIp(host: string): boolean {
  if (isIP(host) === 4) return host.startsWith("127.");
  return host === "::1" || host === "0:0:0:0:0:0:0:1";
}

function isPrivateIp(host: string): boolean {
  const version = isIP(host);
  if (version === 4) {
    const [a = 0, b = 0] = host.split(".").map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      a >= 224
    );
  }
  if (version === 6) {
    // Unique-local fc00::/7, link-local fe80::/10, unspecified, and IPv4-mapped addresses
    // (whose IPv4 part could be private: refuse them all, no push service uses them).
    return /^(f[cd]|fe[89ab]|::$|::ffff:)/.test(host) || host === "::";
  }
  return false;
}
