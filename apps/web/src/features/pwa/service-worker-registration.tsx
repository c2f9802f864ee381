"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import toastStyles from "../ui/toast.module.css";
import { freshUrls } from "./fresh-urls";
import "./install-prompt";

/**
 * Registers the service worker (public/sw.js: offline shell and recent history) in production
 * builds — never under `next dev`, whose unhashed, changing scripts it would serve stale — and
 * offers a reload when a new version of it is waiting. The new worker takes over only when the
 * user says so: swapping it under an open tab could mix old pages with new scripts.
 */
export function ServiceWorkerRegistration() {
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);
  const reloading = useRef(false);
  const pathname = usePathname();

  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    const container = navigator.serviceWorker;
    // A page that loaded without a worker (the first visit) has its files warmed into the
    // cache once the worker is ready, so this visit works offline too.
    const uncontrolled = !container.controller;
    let cancelled = false;

    const onControllerChange = () => {
      if (reloading.current) window.location.reload();
    };
    container.addEventListener("controllerchange", onControllerChange);

    const watch = (registration: ServiceWorkerRegistration) => {
      // Only an update waits: the first install activates by itself.
      const offer = (worker: ServiceWorker | null) => {
        if (!cancelled && worker && container.controller) setWaiting(worker);
      };
      offer(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const installing = registration.installing;
        installing?.addEventListener("statechange", () => {
          if (installing.state === "installed") offer(installing);
        });
      });
    };

    container
      .register("/sw.js", { scope: "/" })
      .then(async (registration) => {
        watch(registration);
        if (!uncontrolled) return;
        await container.ready;
        warm(loadedUrls(), false);
      })
      .catch((error: unknown) => console.warn("Service worker registration failed", error));

    return () => {
      cancelled = true;
      container.removeEventListener("controllerchange", onControllerChange);
    };
  }, []);

  // A page reached by client-side navigation was never fetched as a page: keep a copy once,
  // and the data its offline view needs if the worker has none yet.
  useEffect(() => {
    if (!pathname) return;
    const origin = window.location.origin;
    warm([`page:${origin}${pathname}`, ...freshUrls(pathname, origin)], true);
  }, [pathname]);

  // Leaving the tab (switching apps on a phone): refresh the saved room list and the open
  // room's newest messages, so the offline view is as recent as what the user last saw.
  // (The room's messages are fetched once when it opens and then kept current by the socket,
  // which the worker does not see.)
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden")
        warm(freshUrls(window.location.pathname, window.location.origin), false);
    };
    document.addEventListener("visibilitychange", onHide);
    return () => document.removeEventListener("visibilitychange", onHide);
  }, []);

  if (!waiting) return null;
  return (
    <div className={toastStyles.toast} role="status">
      <span>A new version of Parley is available.</span>
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => {
          reloading.current = true;
          waiting.postMessage({ type: "skip-waiting" });
        }}
      >
        Reload
      </button>
    </div>
  );
}

/** This page and the same-origin files and API reads it made so far (the worker picks what it keeps). */
function loadedUrls(): string[] {
  const resources = performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((url) => url.startsWith(window.location.origin));
  return [`page:${window.location.href}`, ...new Set(resources)];
}

/** Asks the active worker (if this page has one) to fetch these into its caches; see sw.js. */
function warm(urls: string[], missingOnly: boolean): void {
  if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
  void navigator.serviceWorker.ready.then((registration) =>
    registration.active?.postMessage({ type: "warm", urls, missingOnly }),
  );
}
