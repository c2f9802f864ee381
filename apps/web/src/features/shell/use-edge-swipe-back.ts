"use client";

import { usePathname, useRouter } from "next/navigation";
import { type RefObject, useEffect } from "react";
import { EdgeSwipe } from "./edge-swipe";
import { parentLocation } from "./parent-location";

/** The phone layout's breakpoint (app-shell.module.css): one pane at a time below it. */
const PHONE_QUERY = "(max-width: 720px)";
const SETTLE_MS = 180;

/**
 * Phones: a swipe from the left edge drags the open pane away and goes one pane up (a room
 * to the room list, a thread to its room), as in native apps. The pane dragged is the topmost
 * one: an element marked `data-swipe-pane` (the thread panel, full screen on phones) when
 * one is open, else the main pane, with the room list shown beneath it. An installed PWA on iOS has no back button and no
 * browser gesture of its own, so without this the only way back is the arrow in the header.
 * The pane follows the finger; released short of the threshold it springs back.
 */
export function useEdgeSwipeBack(shell: RefObject<HTMLElement | null>, pane: RefObject<HTMLElement | null>) {
  const router = useRouter();
  const pathname = usePathname();

  // The new page is showing: the pane that was swiped away goes back to its place, hidden.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation on purpose.
  useEffect(() => {
    resetPane(shell.current, pane.current);
  }, [pathname, shell, pane]);

  useEffect(() => {
    const phone = window.matchMedia(PHONE_QUERY);
    const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
    let swipe: EdgeSwipe | null = null;
    let target: string | null = null;
    let dragged: HTMLElement | null = null;

    const onStart = (event: TouchEvent) => {
      swipe = null;
      const touch = event.touches[0];
      if (!phone.matches || event.touches.length !== 1 || !touch || !pane.current) return;
      if (shell.current?.dataset.pane !== "main") return;
      target = parentLocation(window.location.pathname, window.location.search);
      if (!target) return;
      dragged = document.querySelector<HTMLElement>("[data-swipe-pane]") ?? pane.current;
      swipe = new EdgeSwipe(window.innerWidth);
      swipe.begin(touch.clientX, touch.clientY, event.timeStamp);
    };

    const onMove = (event: TouchEvent) => {
      const touch = event.touches[0];
      if (!swipe || !touch || !dragged || !shell.current) return;
      if (!swipe.move(touch.clientX, touch.clientY, event.timeStamp)) return;
      // The finger moves the pane, not the page under it.
      if (event.cancelable) event.preventDefault();
      // Under the main pane is the room list; under a thread, its room is already there.
      if (dragged === pane.current) shell.current.dataset.swiping = "true";
      dragged.style.transition = "none";
      dragged.style.transform = `translateX(${swipe.offset}px)`;
    };

    const onEnd = () => {
      if (!swipe) return;
      const wasDragging = swipe.dragging;
      const outcome = swipe.end();
      swipe = null;
      const el = dragged;
      if (!wasDragging || !el) return;
      el.style.transition = reducedMotion.matches ? "none" : `transform ${SETTLE_MS}ms ease-out`;
      if (outcome === "back" && target) {
        el.style.transform = "translateX(100%)";
        const to = target;
        window.setTimeout(() => router.push(to), reducedMotion.matches ? 0 : SETTLE_MS);
        // If the navigation does not happen (an error page, say), do not leave the pane away.
        window.setTimeout(() => resetPane(shell.current, el), SETTLE_MS + 1_500);
      } else {
        el.style.transform = "translateX(0)";
        window.setTimeout(() => resetPane(shell.current, el), SETTLE_MS);
      }
    };

    const onCancel = () => {
      swipe = null;
      resetPane(shell.current, dragged);
    };

    document.addEventListener("touchstart", onStart, { passive: true });
    document.addEventListener("touchmove", onMove, { passive: false });
    document.addEventListener("touchend", onEnd);
    document.addEventListener("touchcancel", onCancel);
    return () => {
      document.removeEventListener("touchstart", onStart);
      document.removeEventListener("touchmove", onMove);
      document.removeEventListener("touchend", onEnd);
      document.removeEventListener("touchcancel", onCancel);
    };
  }, [router, shell, pane]);
}

function resetPane(shell: HTMLElement | null, pane: HTMLElement | null): void {
  if (shell) delete shell.dataset.swiping;
  if (pane) {
    pane.style.transition = "";
    pane.style.transform = "";
  }
}
