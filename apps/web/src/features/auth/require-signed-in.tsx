"use client";

import { usePathname, useRouter } from "next/navigation";
import { type ReactNode, useEffect, useRef } from "react";
import { describeError } from "../api/api-error";
import { FullPageSpinner } from "../ui/spinner";
import { CurrentUserContext } from "./current-user";
import { useMe } from "./me-query";
import { loginPathFor } from "./next-path";

/** App pages: wait for the session check, send signed-out visitors to /login. */
export function RequireSignedIn({ children }: { children: ReactNode }) {
  const me = useMe();
  const router = useRouter();
  const pathname = usePathname();
  const signedOut = me.data === null;
  // Whether this tab had a session: if it ends (sign out, expiry) we go to a plain /login;
  // only a signed-out visit to a deep link asks to come back to it afterwards.
  const hadUser = useRef(false);
  const hasUser = Boolean(me.data);
  useEffect(() => {
    if (hasUser) hadUser.current = true;
  }, [hasUser]);
  useEffect(() => {
    if (signedOut) router.replace(hadUser.current ? "/login" : loginPathFor(pathname));
  }, [signedOut, router, pathname]);

  if (me.data) return <CurrentUserContext.Provider value={me.data}>{children}</CurrentUserContext.Provider>;
  if (me.isError) {
    return (
      <main className="full-page-center">
        <div className="empty-state">
          <h1>Parley is not reachable</h1>
          <p role="alert">{describeError(me.error)}</p>
          <div className="empty-state-actions">
            <button className="btn btn-primary" type="button" onClick={() => void me.refetch()}>
              Try again
            </button>
          </div>
        </div>
      </main>
    );
  }
  return <FullPageSpinner label="Loading Parley" />;
}
