import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { beforeEach, describe, expect, it } from "vitest";

/**
 * public/sw.js itself, run in a sandbox that stands in for the service worker global: its
 * listeners are captured, and the Cache Storage and network are small in-memory fakes.
 */
const SOURCE = readFileSync(fileURLToPath(new URL("../../../public/sw.js", import.meta.url)), "utf8");
const ORIGIN = "https://chat.example";

/** What a real fetch gives for a same-origin request: a "basic" response (clones included). */
class BasicResponse extends Response {
  override get type(): ResponseType {
    return "basic";
  }
  override clone(): Response {
    return Object.setPrototypeOf(super.clone(), BasicResponse.prototype);
  }
}
const ROOM = "0b8f7f3e-8a7c-4c1e-9a57-1d2f3e4a5b6c";

type Handler = (event: unknown) => void;
/** The parts of a Request the worker reads (Node's Request cannot be a navigation). */
interface FakeRequest {
  method: string;
  url: string;
  mode?: string;
}
type Route = (request: { method: string; url: string; mode?: string }, origin: string) => string;

interface Worker {
  route: Route;
  listeners: Map<string, Handler>;
  stores: Map<string, Map<string, Response>>;
  network: { respond: (url: string) => Response };
  imported: string[];
}

function loadWorker(options: { importFails?: boolean } = {}): Worker {
  const stores = new Map<string, Map<string, Response>>();
  const listeners = new Map<string, Handler>();
  const imported: string[] = [];
  const network = { respond: (_url: string): Response => new Response("ok") };
  const keyOf = (request: FakeRequest | string) =>
    typeof request === "string" ? new URL(request, ORIGIN).href : request.url;
  const open = async (name: string) => {
    const store = stores.get(name) ?? new Map<string, Response>();
    stores.set(name, store);
    return {
      put: async (request: FakeRequest | string, response: Response) =>
        void store.set(keyOf(request), response),
      delete: async (request: FakeRequest | string) => store.delete(keyOf(request)),
      keys: async () => [...store.keys()].map((url) => ({ method: "GET", url })),
      addAll: async (urls: string[]) => {
        for (const url of urls) store.set(keyOf(url), new Response(`precached ${url}`));
      },
    };
  };
  const self: Record<string, unknown> = {
    location: { origin: ORIGIN },
    registration: { active: null },
    clients: { claim: async () => {} },
    skipWaiting: async () => {},
    addEventListener: (type: string, handler: Handler) => listeners.set(type, handler),
  };
  const sandbox = {
    self,
    URL,
    Request,
    Response,
    console: { warn: () => {} },
    importScripts: (url: string) => {
      if (options.importFails) throw new Error("NetworkError");
      imported.push(url);
    },
    fetch: async (request: FakeRequest | string) => {
      return Object.setPrototypeOf(network.respond(keyOf(request)), BasicResponse.prototype) as Response;
    },
    caches: {
      open,
      keys: async () => [...stores.keys()],
      delete: async (name: string) => stores.delete(name),
      match: async (request: FakeRequest | string, { cacheName }: { cacheName: string }) =>
        stores.get(cacheName)?.get(keyOf(request)),
    },
  };
  runInNewContext(SOURCE, sandbox);
  return { route: self.parleyRouteRequest as Route, listeners, stores, network, imported };
}

/** Dispatches a fetch event; resolves with the response the worker gave, or undefined if it let it pass. */
async function dispatchFetch(worker: Worker, request: FakeRequest): Promise<Response | undefined> {
  let answer: Promise<Response> | undefined;
  const pending: Promise<unknown>[] = [];
  worker.listeners.get("fetch")?.({
    request,
    respondWith: (response: Promise<Response>) => {
      answer = response;
    },
    waitUntil: (promise: Promise<unknown>) => pending.push(promise),
  });
  const response = await answer;
  await Promise.all(pending);
  return response;
}

function get(path: string, mode = "cors") {
  return { method: "GET", url: `${ORIGIN}${path}`, mode };
}

describe("sw.js: which requests it handles, and how", () => {
  const { route } = loadWorker();

  it("keeps pages (network first) and Next's hashed files (cache first)", () => {
    expect(route(get("/rooms", "navigate"), ORIGIN)).toBe("page");
    expect(route(get(`/rooms/${ROOM}`, "navigate"), ORIGIN)).toBe("page");
    expect(route(get("/", "navigate"), ORIGIN)).toBe("page");
    expect(route(get("/login?next=%2Frooms", "navigate"), ORIGIN)).toBe("page");
    expect(route(get("/invite/abc123", "navigate"), ORIGIN)).toBe("page");
    // Not one of the app's pages: the network's answer (a 404), untouched.
    expect(route(get("/no-such-page", "navigate"), ORIGIN)).toBe("network");
    expect(route(get("/roomsx", "navigate"), ORIGIN)).toBe("network");
    expect(route(get("/_next/static/chunks/app-1a2b.js"), ORIGIN)).toBe("static");
    expect(route(get("/icons/icon-192.png"), ORIGIN)).toBe("asset");
    expect(route(get("/manifest.webmanifest"), ORIGIN)).toBe("asset");
  });

  it("keeps only the API reads the offline view needs: me, my rooms, a room, its newest page", () => {
    expect(route(get("/api/me"), ORIGIN)).toBe("data");
    expect(route(get("/api/rooms/mine"), ORIGIN)).toBe("data");
    expect(route(get(`/api/rooms/${ROOM}`), ORIGIN)).toBe("data");
    expect(route(get(`/api/rooms/${ROOM}/messages?limit=50`), ORIGIN)).toBe("data");
  });

  it("never keeps other API reads: older pages, search, notifications, files, other users", () => {
    for (const path of [
      `/api/rooms/${ROOM}/messages?limit=50&before=120`,
      `/api/rooms/${ROOM}/messages?after=3`,
      `/api/rooms/${ROOM}/members`,
      "/api/rooms/not-a-uuid",
      "/api/rooms",
      "/api/rooms/read",
      "/api/search?q=secret",
      "/api/notifications",
      `/api/rooms/${ROOM}/attachments/a/file/x.pdf`,
      "/api/me?x=1",
    ]) {
      expect(route(get(path), ORIGIN), path).toBe("network");
    }
    // Even a navigation to an API URL (an attachment opened in a tab) is not a page to keep.
    expect(route(get(`/api/rooms/${ROOM}/attachments/a/file/x.pdf`, "navigate"), ORIGIN)).toBe("network");
  });

  it("never handles writes (except noting sign-in/out) or other origins", () => {
    expect(route({ method: "POST", url: `${ORIGIN}/api/rooms/${ROOM}/messages` }, ORIGIN)).toBe("network");
    expect(route({ method: "DELETE", url: `${ORIGIN}/api/me` }, ORIGIN)).toBe("network");
    expect(route({ method: "POST", url: `${ORIGIN}/api/auth/logout` }, ORIGIN)).toBe("auth");
    expect(route({ method: "POST", url: `${ORIGIN}/api/auth/login` }, ORIGIN)).toBe("auth");
    expect(route({ method: "GET", url: "https://cdn.example/_next/static/x.js" }, ORIGIN)).toBe("network");
    expect(route(get("/rooms", "navigate"), "https://other.example")).toBe("network");
  });
});

describe("sw.js: caching", () => {
  let worker: Worker;
  beforeEach(() => {
    worker = loadWorker();
  });

  it("imports the Web Push handlers, and still works when they cannot be loaded", () => {
    expect(worker.imported).toEqual(["/sw-push.js"]);
    const broken = loadWorker({ importFails: true });
    expect(broken.listeners.has("fetch")).toBe(true);
  });

  it("answers a room's newest page from the network, and from the saved copy when offline", async () => {
    const url = `${ORIGIN}/api/rooms/${ROOM}/messages?limit=50`;
    worker.network.respond = () => Response.json({ messages: ["fresh"] });
    expect(await (await dispatchFetch(worker, { method: "GET", url }))?.json()).toEqual({
      messages: ["fresh"],
    });
    worker.network.respond = () => {
      throw new TypeError("Failed to fetch");
    };
    expect(await (await dispatchFetch(worker, { method: "GET", url }))?.json()).toEqual({
      messages: ["fresh"],
    });
  });

  it("fails offline for data it never saw, and serves the offline page for an unsaved page", async () => {
    const install: Promise<unknown>[] = [];
    worker.listeners.get("install")?.({ waitUntil: (p: Promise<unknown>) => install.push(p) });
    await Promise.all(install);
    worker.network.respond = () => {
      throw new TypeError("Failed to fetch");
    };
    await expect(dispatchFetch(worker, { method: "GET", url: `${ORIGIN}/api/rooms/mine` })).rejects.toThrow(
      "Failed to fetch",
    );
    const page = await dispatchFetch(worker, {
      method: "GET",
      url: `${ORIGIN}/rooms/${ROOM}`,
      mode: "navigate",
    });
    expect(await page?.text()).toBe("precached /offline.html");
  });

  it("forgets the saved data on a 401 and on sign-in or sign-out, so the next account never sees it", async () => {
    worker.network.respond = () => Response.json({ user: { id: "ana" } });
    await dispatchFetch(worker, { method: "GET", url: `${ORIGIN}/api/me` });
    expect(worker.stores.get("parley-data-v2")?.size).toBe(1);
    worker.network.respond = () => new Response(null, { status: 204 });
    await dispatchFetch(worker, { method: "POST", url: `${ORIGIN}/api/auth/logout` });
    expect(worker.stores.has("parley-data-v2")).toBe(false);

    worker.network.respond = () => Response.json({ rooms: [] });
    await dispatchFetch(worker, { method: "GET", url: `${ORIGIN}/api/rooms/mine` });
    worker.network.respond = () => Response.json({ error: { code: "UNAUTHENTICATED" } }, { status: 401 });
    const answer = await dispatchFetch(worker, { method: "GET", url: `${ORIGIN}/api/rooms/mine` });
    expect(answer?.status).toBe(401);
    expect(worker.stores.has("parley-data-v2")).toBe(false);
  });

  it("keeps each page it served, and serves that copy offline", async () => {
    const page = { method: "GET", url: `${ORIGIN}/rooms/${ROOM}`, mode: "navigate" };
    worker.network.respond = () =>
      new Response("<h1>room</h1>", { headers: { "content-type": "text/html" } });
    await dispatchFetch(worker, page);
    expect([...(worker.stores.get("parley-pages-v2")?.keys() ?? [])]).toEqual([page.url]);
    worker.network.respond = () => {
      throw new TypeError("Failed to fetch");
    };
    expect(await (await dispatchFetch(worker, page))?.text()).toBe("<h1>room</h1>");
  });

  it("keeps at most 40 pages, dropping the oldest", async () => {
    worker.network.respond = () => new Response("page");
    for (let i = 0; i < 42; i++) {
      await dispatchFetch(worker, { method: "GET", url: `${ORIGIN}/rooms/p${i}`, mode: "navigate" });
    }
    const kept = [...(worker.stores.get("parley-pages-v2")?.keys() ?? [])];
    expect(kept).toHaveLength(40);
    expect(kept[0]).toBe(`${ORIGIN}/rooms/p2`);
  });

  it("warms what the page asks for, but only what it would keep anyway", async () => {
    worker.network.respond = (url) => new Response(url);
    const done: Promise<unknown>[] = [];
    worker.listeners.get("message")?.({
      data: {
        type: "warm",
        urls: [
          `page:${ORIGIN}/rooms`,
          `${ORIGIN}/api/me`,
          `${ORIGIN}/api/search?q=x`,
          "https://evil.example/x",
          42,
        ],
      },
      waitUntil: (p: Promise<unknown>) => done.push(p),
    });
    await Promise.all(done);
    expect([...(worker.stores.get("parley-pages-v2")?.keys() ?? [])]).toEqual([`${ORIGIN}/rooms`]);
    expect([...(worker.stores.get("parley-data-v2")?.keys() ?? [])]).toEqual([`${ORIGIN}/api/me`]);
  });

  it("drops a room's saved copy once the server refuses it (left, removed)", async () => {
    const room = { method: "GET", url: `${ORIGIN}/api/rooms/${ROOM}` };
    worker.network.respond = () => Response.json({ room: { id: ROOM } });
    await dispatchFetch(worker, room);
    expect(worker.stores.get("parley-data-v2")?.has(room.url)).toBe(true);
    worker.network.respond = () => Response.json({ error: { code: "NOT_FOUND" } }, { status: 404 });
    expect((await dispatchFetch(worker, room))?.status).toBe(404);
    expect(worker.stores.get("parley-data-v2")?.has(room.url)).toBe(false);
  });

  it("does not keep error responses", async () => {
    worker.network.respond = () => new Response("boom", { status: 500 });
    await dispatchFetch(worker, { method: "GET", url: `${ORIGIN}/api/me` });
    expect(worker.stores.get("parley-data-v2")?.size ?? 0).toBe(0);
  });

  it("lets requests it does not handle pass untouched", async () => {
    expect(await dispatchFetch(worker, { method: "GET", url: `${ORIGIN}/api/search?q=x` })).toBeUndefined();
  });

  it("deletes the caches of older versions on activate", async () => {
    worker.stores.set("parley-data-v0", new Map());
    worker.stores.set("someone-else", new Map());
    worker.stores.set("parley-static-v2", new Map());
    const done: Promise<unknown>[] = [];
    worker.listeners.get("activate")?.({ waitUntil: (p: Promise<unknown>) => done.push(p) });
    await Promise.all(done);
    expect([...worker.stores.keys()].sort()).toEqual(["parley-static-v2", "someone-else"]);
  });
});
