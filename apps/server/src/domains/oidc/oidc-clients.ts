import * as client from "openid-client";
import { githubClient } from "./github";
import { isLoopback, type OidcProviderConfig } from "./oidc-config";

/**
 * Each provider's client configuration, from its discovery document, read at first use and
 * kept for the life of the process. A failed discovery is not kept: the next sign-in retries.
 */
const cache = new Map<string, Promise<client.Configuration>>();

export function providerClient(provider: OidcProviderConfig): Promise<client.Configuration> {
  if (provider.type === "github") return Promise.resolve(githubClient(provider));
  const key = `${provider.id}\n${provider.issuer}\n${provider.clientId}`;
  let found = cache.get(key);
  if (!found) {
    const issuer = new URL(provider.issuer);
    found = client.discovery(
      issuer,
      provider.clientId,
      undefined,
      // HTTP Basic is the client authentication every provider must support (RFC 6749 2.3.1).
      client.ClientSecretBasic(provider.clientSecret),
      {
        timeout: 10,
        // Plain http is accepted only for a provider on this machine (config.ts refuses others).
        execute:
          issuer.protocol === "http:" && isLoopback(issuer.hostname) ? [client.allowInsecureRequests] : [],
      },
    );
    cache.set(key, found);
    found.catch(() => cache.delete(key));
  }
  return found;
}
