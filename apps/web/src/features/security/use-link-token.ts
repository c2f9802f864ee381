"use client";

import { useEffect, useState } from "react";
import { tokenFromHash } from "./security-api";

/** One reading of the page's link token: a new object each time, even for the same token. */
export interface LinkToken {
  token: string | null;
}

/**
 * The token of the emailed link that opened this page (`#token=…`): undefined while not yet
 * read (the server render has no fragment), `{ token: null }` when there is none. Read again
 * when the fragment changes (the link opened while this page is already showing). Once read it
 * is removed from the address bar, so it does not linger in the history or a screenshot.
 */
export function useLinkToken(): LinkToken | undefined {
  const [link, setLink] = useState<LinkToken | undefined>(undefined);
  useEffect(() => {
    const read = () => {
      const token = tokenFromHash(window.location.hash);
      if (window.location.hash) {
        window.history.replaceState(
          window.history.state,
          "",
          window.location.pathname + window.location.search,
        );
      }
      setLink({ token });
    };
    read();
    const onHashChange = () => {
      if (window.location.hash) read();
    };
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, []);
  return link;
}
