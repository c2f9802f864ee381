"use client";

import { API, isOidcErrorCode, OIDC_ERROR_MESSAGES } from "@parley/protocol";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { fetchOidcProviders } from "./oidc-api";
import styles from "./oidc-sign-in.module.css";
import { useNextQuery } from "./use-next-query";

/**
 * "Continue with <provider>" links, under the password form. Each is a plain navigation to
 * the server, which redirects to the provider. With no provider configured (or the list
 * unavailable) nothing is shown: the password form works on its own.
 */
export function OidcButtons() {
  const providers = useQuery({
    queryKey: ["oidc-providers"],
    queryFn: fetchOidcProviders,
    staleTime: Infinity,
  });
  const nextQuery = useNextQuery();
  const list = providers.data ?? [];
  if (list.length === 0) return null;
  return (
    <div className={styles.providers}>
      <p className={styles.divider}>
        <span>or</span>
      </p>
      {list.map((provider) => (
        <a
          key={provider.id}
          className={`btn btn-block ${styles.provider}`}
          href={API.oidcStart(provider.id) + nextQuery}
        >
          Continue with {provider.name}
        </a>
      ))}
    </div>
  );
}

/** Why a sign-in with a provider failed, from `?error=<code>` (set by the server's redirect). */
export function OidcErrorAlert() {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const code = new URLSearchParams(window.location.search).get("error");
    if (code === null) return;
    setMessage(
      isOidcErrorCode(code)
        ? OIDC_ERROR_MESSAGES[code]
        : "Sign-in with the provider failed. Please try again.",
    );
  }, []);
  if (!message) return null;
  return (
    <div className={`alert ${styles.alert}`} role="alert">
      {message}
    </div>
  );
}

/**
 * After a password sign-in on `/login?error=email_unverified&link=<provider>`: goes on to the
 * provider, now signed in, so the server links it to this account. False when not linking.
 */
export function continueLinking(): boolean {
  const provider = new URLSearchParams(window.location.search).get("link");
  if (!provider || !/^[a-z][a-z0-9-]{0,31}$/.test(provider)) return false;
  window.location.assign(API.oidcStart(provider));
  return true;
}
