"use client";

import { useSyncExternalStore } from "react";

/** Chromium's install prompt event (not in TypeScript's DOM types). */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
}

let deferred: BeforeInstallPromptEvent | null = null;
const listeners = new Set<() => void>();

function set(event: BeforeInstallPromptEvent | null): void {
  deferred = event;
  for (const listener of listeners) listener();
}

/**
 * Chromium fires `beforeinstallprompt` once, early in the page's life, possibly before the
 * hint is on screen: it is kept from the moment this module loads (it is imported by the
 * root providers). Once installed the browser says `appinstalled` and the offer goes.
 */
if (typeof window !== "undefined") {
  window.addEventListener("beforeinstallprompt", (event) => {
    // Our own hint replaces the browser's mini info bar.
    event.preventDefault();
    set(event as BeforeInstallPromptEvent);
  });
  window.addEventListener("appinstalled", () => set(null));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The browser's pending install prompt, if it offered one. */
export function useInstallPrompt(): BeforeInstallPromptEvent | null {
  return useSyncExternalStore(
    subscribe,
    () => deferred,
    () => null,
  );
}

/** Shows the browser's install dialog; the event can be used once, whatever the answer. */
export async function promptInstall(event: BeforeInstallPromptEvent): Promise<boolean> {
  set(null);
  await event.prompt();
  return (await event.userChoice).outcome === "accepted";
}
