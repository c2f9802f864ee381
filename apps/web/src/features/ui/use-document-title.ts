"use client";

import { useEffect } from "react";

export const APP_NAME = "Parley";

/** "(3) #general · Parley": the page's title, after the count of unread messages if any. */
export function formatTitle(title: string | null, unread: number): string {
  const base = title ? `${title} · ${APP_NAME}` : APP_NAME;
  if (unread <= 0) return base;
  return `(${unread > 99 ? "99+" : unread}) ${base}`;
}

// One tab has one title: the page sets its part, the unread count its own.
let pageTitle: string | null = null;
let unreadBadge = 0;
let observer: MutationObserver | null = null;

function apply(): void {
  const wanted = formatTitle(pageTitle, unreadBadge);
  if (document.title !== wanted) document.title = wanted;
}

function watchHead(): void {
  if (observer) return;
  // After a client-side navigation Next re-inserts the layout's <title> ("Parley") once the
  // new route commits, which is after our effects ran: put ours back when it does.
  observer = new MutationObserver(apply);
  observer.observe(document.head, { childList: true, subtree: true, characterData: true });
}

/** Sets the tab title while the component is mounted ("#general · Parley"). */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    pageTitle = title;
    watchHead();
    apply();
    return () => {
      pageTitle = null;
      apply();
    };
  }, [title]);
}

/** Puts the number of unread messages in front of the tab title while mounted. */
export function useTitleBadge(unread: number): void {
  useEffect(() => {
    unreadBadge = unread;
    watchHead();
    apply();
    return () => {
      unreadBadge = 0;
      apply();
    };
  }, [unread]);
}
