"use client";

import { useEffect } from "react";

export const APP_NAME = "Parley";

/** Sets the tab title while the component is mounted ("#general · Parley"). */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    const wanted = title ? `${title} · ${APP_NAME}` : APP_NAME;
    const apply = () => {
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    // After a client-side navigation Next re-inserts the layout's <title> ("Parley") once
    // the new route commits, which is after this effect ran: put ours back when it does.
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = APP_NAME;
    };
  }, [title]);
}
