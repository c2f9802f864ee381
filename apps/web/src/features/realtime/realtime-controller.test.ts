import { CLOSE_CODES, type Message } from "@parley/protocol";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { queryKeys } from "../api/query-keys";
import { FakeOutboxStorage } from "../messages/fake-outbox-backend";
import type { MessagesCache } from "../messages/message-cache";
import { toRecord } from "../messages/outbox-records";
import { ALICE, BOB, fakeMessage, ROOM_ID } from "../messages/test-messages";
import { FakeSocket } from "./fake-socket";
import { RealtimeController } from "./realtime-controller";

const READY = { type: "ready", user: ALICE };
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function setup(options: { cached?: Message[]; storage?: FakeOutboxStorage; queryClient?: QueryClient } = {}) {
  const queryClient =
    options.queryClient ?? new QueryClient({ defaultOptions: { queries: { retry: false } } });
  if (options.cached) {
    queryClient.setQueryData<MessagesCache>(queryKeys.messages(ROOM_ID), {
      messages: options.cached,
      hasOlder: false,
    });
  }
  const onSignedOut = vi.fn();
  const onLeftRoom = vi.fn();
  const sockets: FakeSocket[] = [];
  const controller = new RealtimeController({
    queryClient,
    userId: ALICE.id,
    url: () => "ws://localhost/ws",
    onSignedOut,
    onLeftRoom,
    outboxBackend: options.storage?.backend(),
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    random: () => 0,
    gapDelayMs: 0,
    receiptIntervalMs: 50,
  });
  controller.start();
  /** This controller's newest socket (several controllers play several tabs). */
  const socket = () => {
    const latest = sockets.at(-1);
    if (!latest) throw new Error("no socket was created");
    return latest;
  };
  const connect = () => {
    socket().open();
    socket().receive(READY);
    socket().receive({ type: "sync.done" });
  };
  const cached = () => queryClient.getQueryData<MessagesCache>(queryKeys.messages(ROOM_ID))?.messages;
  return { queryClient, controller, socket, connect, cached, onSignedOut, onLeftRoom };
}

function respondWith(body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status: 200 }));
}

describe("realtime: controller and the cache", () => {
  beforeEach(() => {
    FakeSocket.instances = [];
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("sends the newest cached seq per room in its sync", () => {
    const { socket } = setup({ cached: [fakeMessage(1), fakeMessage(2), fakeMessage(7)] });
    socket().open();
    socket().receive(READY);
    expect(socket().sent).toEqual([{ type: "sync", cursors: [{ roomId: ROOM_ID, afterSeq: 7 }] }]);
  });

  it("appends live messages and drops duplicates", () => {
    const { connect, socket, cached } = setup({ cached: [fakeMessage(1)] });
    connect();
    socket().receive({ type: "message.new", message: fakeMessage(2, { author: BOB }) });
    socket().receive({ type: "message.new", message: fakeMessage(2, { author: BOB }) });
    expect(cached()?.map((m) => m.seq)).toEqual([1, 2]);
  });

  it("fills a gap over REST when a live message skips ahead", async () => {
    const fetchMock = respondWith({ messages: [fakeMessage(3), fakeMessage(4)], hasMore: false });
    vi.stubGlobal("fetch", fetchMock);
    const { connect, socket, cached, controller } = setup({ cached: [fakeMessage(1), fakeMessage(2)] });
    connect();
    socket().receive({ type: "message.new", message: fakeMessage(5) });
    await controller.gaps.settled(ROOM_ID);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(String(fetchMock.mock.calls[0]?.[0 as never])).toContain(`/messages?after=2`);
    expect(cached()?.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it("replaces a room's cache with its newest page on room.resync", async () => {
    vi.stubGlobal("fetch", respondWith({ messages: [fakeMessage(900), fakeMessage(901)], hasMore: true }));
    const { connect, socket, queryClient } = setup({ cached: [fakeMessage(1)] });
    connect();
    socket().receive({ type: "room.resync", roomId: ROOM_ID });
    await tick();
    expect(queryClient.getQueryData(queryKeys.messages(ROOM_ID))).toEqual({
      messages: [fakeMessage(900), fakeMessage(901)],
      hasOlder: true,
    });
  });

  it("merges a live message that arrives while the first page is loading", async () => {
    let answer: (response: Response) => void = () => undefined;
    vi.stubGlobal("fetch", () => new Promise<Response>((resolve) => (answer = resolve)));
    const { connect, socket, queryClient, cached } = setup();
    connect();
    const loading = queryClient.fetchQuery({
      queryKey: queryKeys.messages(ROOM_ID),
      queryFn: async () => ({ messages: [fakeMessage(1)], hasOlder: false }),
    });
    socket().receive({ type: "message.new", message: fakeMessage(2) });
    answer(new Response("{}"));
    await loading;
    await tick();
    expect(cached()?.map((m) => m.seq)).toEqual([1, 2]);
  });
});

describe("realtime: controller and the outbox", () => {
  beforeEach(() => {
    FakeSocket.instances = [];
  });

  const sends = (socket: FakeSocket) =>
    socket.sent.filter((f): f is { type: "message.send"; clientId: string; body: string } => {
      return (f as { type: string }).type === "message.send";
    });

  it("holds sends until the sync is done, then sends one per room at a time", async () => {
    const { controller, socket, cached } = setup({ cached: [fakeMessage(1)] });
    const first = controller.sendMessage(ROOM_ID, "one");
    const second = controller.sendMessage(ROOM_ID, "two");
    socket().open();
    socket().receive(READY);
    expect(sends(socket())).toEqual([]);
    socket().receive({ type: "sync.done" });
    expect(sends(socket()).map((f) => f.clientId)).toEqual([first]);

    socket().receive({
      type: "message.ack",
      clientId: first,
      duplicate: false,
      message: fakeMessage(2, { clientId: first, body: "one" }),
    });
    expect(cached()?.map((m) => m.body)).toEqual(["message 1", "one"]);
    await tick();
    expect(sends(socket()).map((f) => f.clientId)).toEqual([first, second]);
    expect(controller.outbox.getSnapshot().map((e) => e.clientId)).toEqual([second]);
  });

  it("marks a refused send as failed with the server's reason, and retries with the same clientId", () => {
    const { controller, socket, connect } = setup({ cached: [] });
    connect();
    const clientId = controller.sendMessage(ROOM_ID, "hello");
    socket().receive({
      type: "error",
      clientId,
      error: { code: "NOT_A_MEMBER", message: "Join the room to post in it" },
    });
    expect(controller.outbox.getSnapshot()[0]).toMatchObject({
      status: "failed",
      error: "Join the room to post in it",
    });
    controller.retrySend(clientId);
    expect(sends(socket()).map((f) => f.clientId)).toEqual([clientId, clientId]);
  });

  it("resends a rate-limited send, not marking it failed, once the server's wait is over", () => {
    vi.useFakeTimers();
    try {
      const { controller, socket, connect } = setup({ cached: [] });
      connect();
      const clientId = controller.sendMessage(ROOM_ID, "slow down");
      socket().receive({
        type: "error",
        clientId,
        error: { code: "RATE_LIMITED", message: "Too many frames" },
        retryAfterSeconds: 2,
      });
      expect(controller.outbox.getSnapshot()[0]).toMatchObject({ status: "queued", error: null });
      vi.advanceTimersByTime(1500);
      expect(sends(socket()).map((f) => f.clientId)).toEqual([clientId]);
      vi.advanceTimersByTime(600);
      expect(sends(socket()).map((f) => f.clientId)).toEqual([clientId, clientId]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("resends an unacked message with its original clientId after a reconnect", () => {
    vi.useFakeTimers();
    try {
      const { controller, socket, connect } = setup({ cached: [] });
      connect();
      const clientId = controller.sendMessage(ROOM_ID, "hello");
      const firstSocket = socket();
      firstSocket.serverClose(1006);
      expect(controller.getStatus()).toBe("reconnecting");
      vi.advanceTimersByTime(1000);
      expect(socket()).not.toBe(firstSocket);
      connect();
      expect(sends(socket())).toEqual([{ type: "message.send", roomId: ROOM_ID, clientId, body: "hello" }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("settles a pending send when its copy arrives in the sync instead of an ack", async () => {
    const { controller, socket } = setup({ cached: [] });
    const clientId = controller.sendMessage(ROOM_ID, "hello");
    socket().open();
    socket().receive(READY);
    socket().receive({ type: "message.new", message: fakeMessage(1, { clientId, body: "hello" }) });
    socket().receive({ type: "sync.done" });
    await tick();
    expect(controller.outbox.getSnapshot()).toEqual([]);
    expect(sends(socket())).toEqual([]);
  });
});

describe("realtime: controller and the session", () => {
  beforeEach(() => {
    FakeSocket.instances = [];
  });

  it("updates every cached copy of a room when its member count changes", () => {
    const { queryClient, socket, connect } = setup({ cached: [] });
    const room = {
      id: ROOM_ID,
      name: "general",
      topic: "",
      visibility: "public" as const,
      createdAt: "2026-11-24T10:00:00.000Z",
      lastSeq: 0,
      memberCount: 1,
      myRole: "owner" as const,
    };
    queryClient.setQueryData(queryKeys.room(ROOM_ID), room);
    queryClient.setQueryData(queryKeys.myRooms, [room]);
    queryClient.setQueryData(queryKeys.publicRooms, [room, { ...room, id: "other", memberCount: 9 }]);
    connect();
    socket().receive({ type: "room.members", roomId: ROOM_ID, memberCount: 2 });
    expect(queryClient.getQueryData<typeof room>(queryKeys.room(ROOM_ID))?.memberCount).toBe(2);
    expect(queryClient.getQueryData<(typeof room)[]>(queryKeys.myRooms)?.[0]?.memberCount).toBe(2);
    expect(
      queryClient.getQueryData<(typeof room)[]>(queryKeys.publicRooms)?.map((r) => r.memberCount),
    ).toEqual([2, 9]);
  });

  it("drops a room's cache and tells the app when the user left it", () => {
    const { connect, socket, cached, onLeftRoom } = setup({ cached: [fakeMessage(1)] });
    connect();
    socket().receive({ type: "membership", roomId: ROOM_ID, joined: false, room: null });
    expect(cached()).toBeUndefined();
    expect(onLeftRoom).toHaveBeenCalledWith(ROOM_ID);
  });

  it("keeps unsent messages as failed and records a notice when a moderator removes the user", () => {
    const { connect, socket, cached, controller, onLeftRoom, queryClient } = setup({
      cached: [fakeMessage(1)],
    });
    queryClient.setQueryData(queryKeys.myRooms, [{ id: ROOM_ID, name: "general" }]);
    connect();
    // In flight when the ban lands: it may never be acked, and must not vanish.
    const clientId = controller.sendMessage(ROOM_ID, "not sent yet");
    socket().receive({ type: "membership", roomId: ROOM_ID, joined: false, room: null, reason: "banned" });
    expect(cached()).toBeUndefined();
    expect(onLeftRoom).not.toHaveBeenCalled();
    expect(controller.outbox.getSnapshot()).toMatchObject([
      { clientId, status: "failed", error: "You were banned from #general" },
    ]);
    expect(controller.removals.getSnapshot()).toEqual([
      { roomId: ROOM_ID, roomName: "general", reason: "banned", seen: false },
    ]);
    socket().receive({ type: "membership", roomId: ROOM_ID, joined: true, room: null });
    expect(controller.removals.getSnapshot()).toEqual([]);
  });

  it("reports a signed-out close and does not reconnect", () => {
    const { socket, onSignedOut, controller } = setup();
    socket().open();
    socket().serverClose(CLOSE_CODES.UNAUTHENTICATED);
    expect(onSignedOut).toHaveBeenCalledTimes(1);
    expect(controller.getStatus()).toBe("signed-out");
  });
});

const framesOf = (socket: FakeSocket, type: string) =>
  socket.sent.filter((f) => (f as { type: string }).type === type) as Record<string, unknown>[];

const ack = (clientId: string, seq: number, body: string) => ({
  type: "message.ack",
  clientId,
  duplicate: false,
  message: fakeMessage(seq, { clientId, body }),
});

describe("realtime: controller and the stored outbox", () => {
  beforeEach(() => {
    FakeSocket.instances = [];
  });

  it("restores unsent messages after a reload and sends them in order, with their clientIds", async () => {
    const storage = new FakeOutboxStorage();
    const typed = ["one", "two", "three"].map((body, i) => ({
      clientId: `restored-${i + 1}`,
      roomId: ROOM_ID,
      body,
      createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, i)).toISOString(),
      // Whatever was in flight when the page went away is simply queued again.
      status: i === 0 ? ("sending" as const) : ("queued" as const),
      error: null,
    }));
    for (const entry of [...typed].reverse()) storage.records.set(entry.clientId, toRecord(entry, ALICE.id));

    const { controller, socket, connect } = setup({ cached: [], storage });
    connect();
    // Nothing goes out before the restore: something typed now must queue behind it.
    expect(framesOf(socket(), "message.send")).toEqual([]);
    await tick();
    expect(controller.outbox.getSnapshot().map((e) => e.body)).toEqual(["one", "two", "three"]);
    for (const [i, entry] of typed.entries()) {
      expect(framesOf(socket(), "message.send").map((f) => f.clientId)).toEqual(
        typed.slice(0, i + 1).map((e) => e.clientId),
      );
      socket().receive(ack(entry.clientId, i + 1, entry.body));
      await tick();
    }
    expect(controller.outbox.getSnapshot()).toEqual([]);
    expect(storage.records.size).toBe(0);
  });

  it("settles a message in every tab when any tab sees it stored", async () => {
    const storage = new FakeOutboxStorage();
    const one = setup({ cached: [], storage });
    const two = setup({ cached: [], storage });
    await tick();
    one.connect();
    const clientId = one.controller.sendMessage(ROOM_ID, "hello");
    await tick();
    expect(two.controller.outbox.getSnapshot().map((e) => e.clientId)).toEqual([clientId]);
    one.socket().receive(ack(clientId, 1, "hello"));
    await tick();
    expect(two.controller.outbox.getSnapshot()).toEqual([]);
  });

  it("gives the socket up when the browser goes offline, keeping in-flight sends queued", () => {
    const { controller, socket, connect } = setup({ cached: [] });
    connect();
    const clientId = controller.sendMessage(ROOM_ID, "hello");
    const first = socket();
    controller.connectionLost();
    expect(first.closedWith).toBe(4000);
    expect(controller.getStatus()).toBe("reconnecting");
    expect(controller.outbox.getSnapshot()[0]).toMatchObject({ clientId, status: "queued" });
    controller.sendMessage(ROOM_ID, "typed offline");
    expect(controller.outbox.getSnapshot().map((e) => e.status)).toEqual(["queued", "queued"]);
    controller.retryConnectionNow();
    expect(socket()).not.toBe(first);
  });
});

describe("realtime: controller, receipts and delivery", () => {
  beforeEach(() => {
    FakeSocket.instances = [];
  });
  const delivered = (queryClient: QueryClient) =>
    queryClient.getQueryData<number>(queryKeys.delivered(ROOM_ID));

  it("keeps the highest delivered watermark per room", () => {
    const { queryClient, socket, connect } = setup({ cached: [] });
    connect();
    socket().receive({ type: "delivered", roomId: ROOM_ID, seq: 5 });
    socket().receive({ type: "delivered", roomId: ROOM_ID, seq: 3 });
    expect(delivered(queryClient)).toBe(5);
  });

  it("sends a throttled receipt when others' messages arrive, none for my own", async () => {
    const { socket, connect } = setup({ cached: [fakeMessage(1, { author: BOB })] });
    connect();
    socket().receive({ type: "message.new", message: fakeMessage(2, { author: BOB }) });
    socket().receive({ type: "message.new", message: fakeMessage(3, { author: BOB }) });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(framesOf(socket(), "receipt")).toEqual([{ type: "receipt", roomId: ROOM_ID, seq: 3 }]);
    socket().receive({ type: "message.new", message: fakeMessage(4, { author: ALICE }) });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(framesOf(socket(), "receipt")).toHaveLength(1);
  });

  it("syncs again, with every cursor, when a room is loaded after the sync", async () => {
    const { queryClient, socket, connect } = setup();
    connect();
    expect(framesOf(socket(), "sync")).toEqual([{ type: "sync", cursors: [] }]);
    queryClient.setQueryData<MessagesCache>(queryKeys.messages(ROOM_ID), {
      messages: [fakeMessage(1, { author: BOB }), fakeMessage(2)],
      hasOlder: false,
    });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(framesOf(socket(), "sync").at(-1)).toEqual({
      type: "sync",
      cursors: [{ roomId: ROOM_ID, afterSeq: 2 }],
    });
    // The first page also counts as received.
    expect(framesOf(socket(), "receipt")).toEqual([{ type: "receipt", roomId: ROOM_ID, seq: 2 }]);
  });
});
