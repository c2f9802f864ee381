import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";

/**
 * public/sw-push.js itself, run in a sandbox standing in for the service worker global: a
 * fake registration that keeps shown notifications by tag, fake window clients, and a fetch
 * that records the receipts.
 */
const SOURCE = readFileSync(fileURLToPath(new URL("../../../public/sw-push.js", import.meta.url)), "utf8");
const ORIGIN = "https://chat.example";
const ROOM = "0b8f7f3e-8a7c-4c1e-9a57-1d2f3e4a5b6c";
const receipt = {
  subscriptionId: "1b8f7f3e-8a7c-4c1e-9a57-1d2f3e4a5b6c",
  token: "secret-token-123456",
  url: "/api/push/receipts",
};

interface Shown {
  title: string;
  options: { body?: string; tag?: string; data?: { url?: string; seq?: number } };
  closed: boolean;
}

function loadWorker(windows: Array<{ url: string; focused: boolean; visibilityState: string }> = []) {
  const shown: Shown[] = [];
  const posted: Array<{ url: string; body: unknown; headers: Record<string, string> }> = [];
  const opened: string[] = [];
  const navigated: string[] = [];
  const listeners = new Map<string, (event: unknown) => void>();
  const registration = {
    showNotification: async (title: string, options: Shown["options"] = {}) => {
      for (const s of shown) if (options.tag && s.options.tag === options.tag) s.closed = true;
      shown.push({ title, options, closed: false });
    },
    getNotifications: async ({ tag }: { tag: string }) =>
      shown
        .filter((s) => !s.closed && s.options.tag === tag)
        .map((s) => ({
          data: s.options.data,
          close: () => {
            s.closed = true;
          },
        })),
  };
  const clients = windows.map((w) => ({
    ...w,
    focus: async () => undefined,
    navigate: async (url: string) => void navigated.push(url),
  }));
  const self: Record<string, unknown> = {
    registration,
    location: new URL(`${ORIGIN}/sw.js`),
    clients: {
      matchAll: async () => clients,
      openWindow: async (url: string) => void opened.push(url),
    },
    addEventListener: (type: string, handler: (event: unknown) => void) => listeners.set(type, handler),
  };
  const fetch = async (url: string, init: { body: string; headers: Record<string, string> }) => {
    posted.push({ url, body: JSON.parse(init.body), headers: init.headers });
    return new Response(null, { status: 204 });
  };
  runInNewContext(SOURCE, { self, fetch, URL, console, Response, JSON, Date });
  const handle = self.parleyHandlePushPayload as (payload: unknown) => Promise<void>;
  const open = self.parleyOpenFromNotification as (url: string) => Promise<void>;
  return { shown, posted, opened, navigated, listeners, handle, open };
}

const message = (seq: number, count: number) => ({
  v: 1,
  type: "message",
  tag: `parley-room-${ROOM}`,
  roomId: ROOM,
  messageId: "2b8f7f3e-8a7c-4c1e-9a57-1d2f3e4a5b6c",
  seq,
  title: count > 1 ? `#general · ${count} new messages` : "#general",
  body: `Ana: message ${seq}`,
  count,
  url: `/rooms/${ROOM}?seq=${seq}`,
  receipt,
});

describe("sw-push", () => {
  it("sw-push: one notification per room, replaced by newer pushes, and each push confirmed", async () => {
    const w = loadWorker();
    await w.handle(message(3, 1));
    await w.handle(message(5, 2));
    const open = w.shown.filter((s) => !s.closed);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      title: "#general · 2 new messages",
      options: { body: "Ana: message 5" },
    });
    expect(w.posted).toEqual([
      {
        url: "/api/push/receipts",
        body: { ...receipt, url: undefined, type: "message" },
        headers: expect.objectContaining({ "x-parley-csrf": "1" }),
      },
      expect.objectContaining({ body: expect.objectContaining({ type: "message" }) }),
    ]);
  });

  it("sw-push: an older push arriving late does not replace a newer one", async () => {
    const w = loadWorker();
    await w.handle(message(5, 2));
    await w.handle(message(3, 1));
    expect(w.shown.filter((s) => !s.closed).map((s) => s.options.data?.seq)).toEqual([5]);
    expect(w.posted).toHaveLength(2);
  });

  it("sw-push: a read push closes the room's notification", async () => {
    const w = loadWorker();
    await w.handle(message(5, 1));
    await w.handle({ v: 1, type: "read", tag: `parley-room-${ROOM}`, roomId: ROOM, receipt });
    expect(w.shown.filter((s) => !s.closed)).toEqual([]);
    expect(w.posted.at(-1)?.body).toMatchObject({ type: "read" });
  });

  it("sw-push: nothing pops up over a Parley window the person is looking at", async () => {
    const w = loadWorker([{ url: `${ORIGIN}/rooms`, focused: true, visibilityState: "visible" }]);
    await w.handle(message(5, 1));
    expect(w.shown).toEqual([]);
    expect(w.posted).toHaveLength(1);
  });

  it("sw-push: a test always shows, and an unreadable push still shows something", async () => {
    const w = loadWorker([{ url: `${ORIGIN}/settings`, focused: true, visibilityState: "visible" }]);
    await w.handle({
      v: 1,
      type: "test",
      tag: "parley-test",
      title: "Parley",
      body: "It works",
      url: "/settings/notifications",
      receipt,
    });
    await w.handle(null);
    expect(w.shown.map((s) => s.title)).toEqual(["Parley", "Parley"]);
    expect(w.posted.map((p) => (p.body as { type: string }).type)).toEqual(["test"]);
  });

  it("sw-push: a click opens the app at the message, in an open window if there is one", async () => {
    const alone = loadWorker();
    await alone.open(`/rooms/${ROOM}?seq=5`);
    expect(alone.opened).toEqual([`${ORIGIN}/rooms/${ROOM}?seq=5`]);
    const withWindow = loadWorker([{ url: `${ORIGIN}/rooms`, focused: false, visibilityState: "hidden" }]);
    await withWindow.open(`/rooms/${ROOM}?seq=5`);
    expect(withWindow.navigated).toEqual([`${ORIGIN}/rooms/${ROOM}?seq=5`]);
    expect(withWindow.opened).toEqual([]);
    // Never somewhere else.
    await alone.open("https://evil.example/phish");
    expect(alone.opened).toHaveLength(1);
    expect([...alone.listeners.keys()].sort()).toEqual([
      "notificationclick",
      "push",
      "pushsubscriptionchange",
    ]);
  });
});
