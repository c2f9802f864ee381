"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/** The search parameter naming the open thread's root: `/rooms/<id>?thread=<rootId>`. */
export const THREAD_PARAM = "thread";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The tab's marker that it pushed the open thread's address itself (so closing can go back). */
const PUSHED_KEY = "parley.thread-pushed";

/**
 * The open thread lives in the address, so Back closes it (rooms → room → thread on a phone),
 * a reload keeps it open, and a link (the Threads view, a notification) can open it. Closing
 * goes back when this tab opened the thread from the room (no duplicate history entry), and
 * replaces the address otherwise (a thread opened from a link).
 */
export function useThreadNavigation(): {
  openRootId: string | null;
  open: (rootId: string) => void;
  close: () => void;
} {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const raw = params.get(THREAD_PARAM);
  const openRootId = raw && UUID.test(raw) ? raw : null;
  const open = useCallback(
    (rootId: string) => {
      if (rootId === openRootId) return;
      sessionStorage.setItem(PUSHED_KEY, rootId);
      // From one thread to another: replace, so Back still leads to the room.
      if (openRootId) router.replace(`${pathname}?${THREAD_PARAM}=${rootId}`, { scroll: false });
      else router.push(`${pathname}?${THREAD_PARAM}=${rootId}`, { scroll: false });
    },
    [router, pathname, openRootId],
  );
  const close = useCallback(() => {
    const pushed = sessionStorage.getItem(PUSHED_KEY);
    sessionStorage.removeItem(PUSHED_KEY);
    if (pushed !== null && pushed === openRootId) router.back();
    else router.replace(pathname, { scroll: false });
  }, [router, pathname, openRootId]);
  return { openRootId, open, close };
}
