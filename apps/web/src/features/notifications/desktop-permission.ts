"use client";

import { useSyncExternalStore } from "react";
import type { DesktopPermission, DesktopSetting } from "./desktop-setting";

/** My "Turn off" for this browser (localStorage: per browser, shared by its tabs). */
const TURNED_OFF_KEY = "parley.desktop-notifications.off";

const listeners = new Set<() => void>();
let watchingPermission = false;

function emit(): void {
  for (const listener of listeners) listener();
}

export function currentPermission(): DesktopPermission {
  if (typeof window === "undefined") return "unsupported";
  // Browsers expose notifications only to secure pages; a self-hosted http:// server is not one.
  if (!window.isSecureContext) return "insecure";
  if (!("Notification" in window)) return "unsupported";
  return Notification.permission;
}

function turnedOff(): boolean {
  try {
    return window.localStorage.getItem(TURNED_OFF_KEY) === "1";
  } catch {
    // Storage blocked (private mode in some browsers): nothing was turned off.
    return false;
  }
}

export function readDesktopSetting(): DesktopSetting {
  return { permission: currentPermission(), turnedOff: typeof window !== "undefined" && turnedOff() };
}

/** Turns desktop notifications off (or back on) in this browser. */
export function setTurnedOff(off: boolean): void {
  try {
    if (off) window.localStorage.setItem(TURNED_OFF_KEY, "1");
    else window.localStorage.removeItem(TURNED_OFF_KEY);
  } catch {
    // Not remembered, but this tab still follows the choice through emit().
  }
  emit();
}

/** Asks the browser (it shows its own prompt, once); choosing to enable also clears a "Turn off". */
export async function requestDesktopPermission(): Promise<void> {
  if (currentPermission() !== "default") return;
  setTurnedOff(false);
  await Notification.requestPermission();
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab turned them off or on.
  const storage = (event: StorageEvent) => {
    if (event.key === TURNED_OFF_KEY) listener();
  };
  window.addEventListener("storage", storage);
  watchPermission();
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", storage);
  };
}

/** The permission changed in the browser's site settings while the page was open. */
function watchPermission(): void {
  if (watchingPermission || !navigator.permissions) return;
  watchingPermission = true;
  navigator.permissions
    .query({ name: "notifications" })
    .then((status) => {
      status.addEventListener("change", emit);
    })
    .catch(() => {
      // Not queryable in this browser: the state is read again on each render instead.
    });
}

// The last snapshot, handed out again while nothing changed: useSyncExternalStore compares by
// identity and would otherwise re-render forever.
let last: DesktopSetting | null = null;
const SERVER_SETTING: DesktopSetting = { permission: "unsupported", turnedOff: false };

function snapshot(): DesktopSetting {
  const next = readDesktopSetting();
  if (last?.permission === next.permission && last.turnedOff === next.turnedOff) return last;
  last = next;
  return next;
}

export function useDesktopSetting(): DesktopSetting {
  return useSyncExternalStore(subscribe, snapshot, () => SERVER_SETTING);
}
