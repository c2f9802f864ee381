import { API, type OidcProvider, OidcProvidersResponse } from "@parley/protocol";
import { apiGet } from "../api/api-client";

/** The OpenID Connect providers this server offers (none when it has none configured). */
export async function fetchOidcProviders(): Promise<OidcProvider[]> {
  return (await apiGet(API.oidcProviders, OidcProvidersResponse)).providers;
}
