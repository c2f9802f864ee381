// Parley's service worker: a fast start and an offline view of recent history.
// Plain JavaScript served as-is from /sw.js (no build step). Registered by
// src/features/pwa/register-service-worker.tsx in production builds only.
//
// What it caches (everything else goes straight to the network, untouched):
// - pages (navigations): network first, a copy kept per URL; offline, the saved copy of that
//   URL, else /offline.html. A saved page replays with its own CSP header and nonce, which match.
// - /_next/static/* (content-hashed, immutable): cache first.
// - the icons, favicon and manifest: network first.
// - API data the offline view needs, network first: the current user, my room list, a room's
//   details and the newest page of its history. Never anything else under /api/, never a
//   non-GET. A 401 or any sign-in/sign-out request empties the data cache, so one account's
//   messages are never shown to the next.
//
// Bump VERSION when this file's caching changes: the new worker waits until the user picks
// "Reload" in the page's "A new version is available" toast, then deletes the old caches.

// Web Push (features/push) lives in its own file; a missing or broken one must not stop the
// offline cache from working.
try {
  importScripts("/sw-push.js");
} catch (error) {
  console.warn("sw-push.js could not be loaded", error);
}

const VERSION = "v2";
const CACHES = {
  page: `parley-pages-${VERSION}`,
  static: `parley-static-${VERSION}`,
  data: `parley-data-${VERSION}`,
};
/** How many entries each cache keeps (oldest dropped first). */
const LIMITS = { page: 40, static: 300, data: 120 };
const OFFLINE_PAGE = "/offline.html";
const PRECACHE = [OFFLINE_PAGE, "/favicon.svg", "/manifest.webmanifest"];

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const ROOM_PATH = new RegExp(`^/api/rooms/${UUID}$`);
const HISTORY_PATH = new RegExp(`^/api/rooms/${UUID}/messages$`);
/**
 * The app's own pages (the page.tsx files under src/app): only these are kept and answered offline. Any
 * other navigation (a file under /api/, a path with no page) goes to the network untouched.
 * Add a new top-level route here.
 */
const APP_PAGE =
  /^\/(?:|rooms(?:\/.*)?|login|signup|reset-password|verify-email|invite\/[^/]+|admin(?:\/.*)?|settings(?:\/.*)?)$/;

/**
 * How a request is handled: "page", "static", "asset" or "data" (the cache strategies above),
 * "auth" (passed through, then the data cache is emptied) or "network" (not touched).
 * A pure function of the method, the URL, the request mode and this worker's origin.
 * @param {{ method: string, url: string, mode?: string }} request
 * @param {string} origin
 * @returns {"page" | "static" | "asset" | "data" | "auth" | "network"}
 */
function routeRequest(request, origin) {
  const url = new URL(request.url);
  if (url.origin !== origin) return "network";
  const path = url.pathname;
  if (request.method !== "GET") {
    return request.method === "POST" && path.startsWith("/api/auth/") ? "auth" : "network";
  }
  if (path.startsWith("/api/")) {
    if (path === "/api/me" || path === "/api/rooms/mine" || ROOM_PATH.test(path)) {
      return url.search === "" ? "data" : "network";
    }
    // Only the newest page (`?limit=n`): older pages and gap fills stay online-only.
    if (HISTORY_PATH.test(path)) {
      const keys = [...url.searchParams.keys()];
      return keys.length === 1 && keys[0] === "limit" ? "data" : "network";
    }
    return "network";
  }
  if (request.mode === "navigate") return APP_PAGE.test(path) ? "page" : "network";
  if (path.startsWith("/_next/static/")) return "static";
  if (path.startsWith("/icons/") || PRECACHE.includes(path)) return "asset";
  return "network";
}

// Exposed for the unit test (src/features/pwa/sw.test.ts), which runs this file in a sandbox.
self.parleyRouteRequest = routeRequest;

/** Drops the oldest entries beyond the cache's limit. */
async function trim(cache, limit) {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - limit))) await cache.delete(key);
}

/** Saves a copy of a good response (re-inserted, so it counts as the newest). */
async function save(kind, request, response) {
  // Redirected responses cannot answer a navigation; errors and other origins are not kept.
  if (!response.ok || response.type !== "basic" || response.redirected) return;
  const cache = await caches.open(CACHES[kind]);
  await cache.delete(request);
  await cache.put(request, response);
  await trim(cache, LIMITS[kind]);
}

async function networkFirst(event, kind) {
  try {
    const response = await fetch(event.request);
    if (kind === "data" && response.status === 401) event.waitUntil(caches.delete(CACHES.data));
    else if (kind === "data" && response.status >= 400 && response.status < 500) {
      // Gone or forbidden now (a room I left or was removed from): not shown offline either.
      event.waitUntil(caches.open(CACHES.data).then((cache) => cache.delete(event.request)));
    } else event.waitUntil(save(kind, event.request, response.clone()));
    return response;
  } catch (error) {
    const cached = await caches.match(event.request, { cacheName: CACHES[kind], ignoreVary: true });
    if (cached) return cached;
    if (kind === "page") {
      const offline = await caches.match(OFFLINE_PAGE, { cacheName: CACHES.static });
      if (offline) return offline;
    }
    throw error;
  }
}

async function cacheFirst(event) {
  const cached = await caches.match(event.request, { cacheName: CACHES.static });
  if (cached) return cached;
  const response = await fetch(event.request);
  event.waitUntil(save("static", event.request, response.clone()));
  return response;
}

async function signInOrOut(event) {
  const response = await fetch(event.request);
  event.waitUntil(caches.delete(CACHES.data));
  return response;
}

self.addEventListener("fetch", (event) => {
  const route = routeRequest(event.request, self.location.origin);
  if (route === "network") return;
  if (route === "auth") event.respondWith(signInOrOut(event));
  else if (route === "static") event.respondWith(cacheFirst(event));
  else event.respondWith(networkFirst(event, route === "asset" ? "static" : route));
});

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHES.static);
      await cache.addAll(PRECACHE);
      // The first worker takes over at once; an update waits for the user (see "message").
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const current = new Set(Object.values(CACHES));
      for (const name of await caches.keys()) {
        if (name.startsWith("parley-") && !current.has(name)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/**
 * Messages from the page:
 * - `{ type: "skip-waiting" }`: the user chose to reload into this new version.
 * - `{ type: "warm", urls, missingOnly }`: URLs to (re)fetch into the caches — what the page
 *   loaded before this worker controlled it (the first visit), a page reached by client-side
 *   navigation (`missingOnly`: fetched once), the open room's newest messages when the tab is
 *   hidden. A page is written `page:<url>`. Each URL goes through routeRequest, so the page
 *   cannot make the worker keep anything it would not keep anyway.
 */
self.addEventListener("message", (event) => {
  const message = event.data;
  if (!message || typeof message !== "object") return;
  if (message.type === "skip-waiting") {
    void self.skipWaiting();
  } else if (message.type === "warm" && Array.isArray(message.urls)) {
    const urls = message.urls.filter((url) => typeof url === "string").slice(0, 200);
    event.waitUntil(warm(urls, message.missingOnly === true));
  }
});

async function warm(urls, missingOnly) {
  for (const url of urls) {
    const page = url.startsWith("page:");
    const target = page ? url.slice("page:".length) : url;
    let route;
    try {
      route = routeRequest(
        { method: "GET", url: target, mode: page ? "navigate" : "cors" },
        self.location.origin,
      );
    } catch {
      continue;
    }
    if (route === "network" || route === "auth") continue;
    const kind = route === "asset" ? "static" : route;
    try {
      // Hashed files never change; a page or data read may be asked for only if missing.
      if (kind === "static" || missingOnly) {
        if (await caches.match(target, { cacheName: CACHES[kind], ignoreVary: true })) continue;
      }
      const response = await fetch(target, { credentials: "same-origin" });
      if (kind === "data" && response.status === 401) await caches.delete(CACHES.data);
      else await save(kind, target, response);
    } catch {
      // Offline or gone: the next visit caches it.
    }
  }
}
