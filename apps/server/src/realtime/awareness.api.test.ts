import { API, type ServerFrame, SOCKET_PATH } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { loadConfig } from "../config";
import { isFrame, type TestClient, type TestSocket } from "../testing/test-client";
import { DB_KINDS, seedPerson, startWithPeople, type TestServer } from "../testing/test-server";

type PresenceFrame = Extract<ServerFrame, { type: "presence" }>;

/** The next presence frame about `userId` with this status, from frame index `from` on. */
const presenceOf =
  (userId: string, status: PresenceFrame["status"]) =>
  (f: ServerFrame): f is PresenceFrame =>
    f.type === "presence" && f.userId === userId && f.status === status;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function ready(socket: TestSocket): Promise<TestSocket> {
  await socket.waitFor(isFrame("ready"));
  return socket;
}

describe.each(DB_KINDS)("awareness: typing and presence over the socket (%s)", (kind) => {
  let server: TestServer;
  let ana: TestClient;
  let ben: TestClient;
  let cleo: TestClient;
  beforeAll(async () => {
    ({
      server,
      people: [ana, ben, cleo],
    } = await startWithPeople(kind, ["ana", "ben", "cleo"]));
  });
  afterAll(() => server?.close());

  it("typing: reaches the other members, never the typist's own devices nor non-members", async () => {
    const room = await ana.createRoom();
    await ben.join(room.id);
    const a1 = await ready(await ana.connect());
    const a2 = await ready(await ana.connect());
    const b = await ready(await ben.connect());
    const c = await ready(await cleo.connect());

    a1.send({ type: "typing", roomId: room.id });
    const heard = await b.waitFor(isFrame("typing"));
    expect(heard).toEqual({
      type: "typing",
      roomId: room.id,
      user: { id: ana.user?.id, displayName: "ana" },
    });

    // A message after the typing travels the same room topic: once Ana's other tab has it, it
    // would have had the typing frame too.
    await a2.sync([{ roomId: room.id, afterSeq: 0 }]);
    await ana.send(room.id, "marker");
    await a2.waitFor(isFrame("message.new"));
    await pause(50);
    expect(a1.frames.filter((f) => f.type === "typing")).toEqual([]);
    expect(a2.frames.filter((f) => f.type === "typing")).toEqual([]);
    expect(c.frames.filter((f) => f.type === "typing")).toEqual([]);
    // Never stored: the room's log holds the one message and nothing else.
    const history = await ben.history(room.id);
    expect(history.messages.map((m) => m.body)).toEqual(["marker"]);
    for (const s of [a1, a2, b, c]) s.close();
  });

  it("typing: a second frame within a second is dropped; one after a second goes out", async () => {
    const room = await ana.createRoom();
    await ben.join(room.id);
    const a = await ready(await ana.connect());
    const b = await ready(await ben.connect());
    a.send({ type: "typing", roomId: room.id });
    a.send({ type: "typing", roomId: room.id });
    a.send({ type: "typing", roomId: room.id });
    await b.waitFor(isFrame("typing"));
    await pause(300);
    expect(b.frames.filter((f) => f.type === "typing")).toHaveLength(1);
    // Dropped silently: no error frame per dropped frame (that would be a flood of its own).
    expect(a.frames.filter((f) => f.type === "error")).toEqual([]);
    await pause(800);
    a.send({ type: "typing", roomId: room.id });
    await expect.poll(() => b.frames.filter((f) => f.type === "typing").length).toBe(2);
    a.close();
    b.close();
  });

  it("typing: a muted member's typing is refused with MUTED, nobody hears it; an archived room refuses all", async () => {
    const room = await ana.createRoom();
    await ben.join(room.id);
    const muted = await ana.request("PUT", API.mute(room.id, ben.user?.id ?? ""), { durationSeconds: 600 });
    expect(muted.status).toBeLessThan(300);
    const a = await ready(await ana.connect());
    const b = await ready(await ben.connect());
    b.send({ type: "typing", roomId: room.id });
    const refused = await b.waitFor(isFrame("error"));
    expect(refused.error.code).toBe("MUTED");
    await pause(100);
    expect(a.frames.filter((f) => f.type === "typing")).toEqual([]);
    // Nobody types in an archived room: it is read-only, even for its owner.
    const archived = await ana.request("PATCH", API.room(room.id), { archived: true });
    expect(archived.status).toBe(200);
    a.send({ type: "typing", roomId: room.id });
    expect((await a.waitFor(isFrame("error"))).error.code).toBe("ROOM_ARCHIVED");
    // An outsider (Cleo) is told to join first.
    const c = await ready(await cleo.connect());
    c.send({ type: "typing", roomId: room.id });
    expect((await c.waitFor(isFrame("error"))).error.code).toBe("NOT_A_MEMBER");
    for (const s of [a, b, c]) s.close();
  });

  it("presence: online → away → offline over two tabs of one person, and last seen is stored", async () => {
    // A new person each time: the typing tests' sockets may still be closing.
    const dana = await seedPerson(server, "dana");
    const subjectId = dana.user?.id ?? "";
    const watcher = await ready(await ben.connect());
    watcher.send({ type: "presence.watch", userIds: [subjectId] });
    // Ana has never been online: offline, never seen.
    const first = await watcher.waitFor(presenceOf(subjectId, "offline"));
    expect(first.lastSeenAt).toBeNull();

    let from = watcher.frames.length;
    const tab1 = await ready(await dana.connect());
    await watcher.waitFor(presenceOf(subjectId, "online"), 5000, from);
    const tab2 = await ready(await dana.connect());

    // One tab idle: still online (the other is active).
    from = watcher.frames.length;
    tab1.send({ type: "presence", state: "idle" });
    await pause(150);
    expect(watcher.frames.slice(from).filter((f) => f.type === "presence")).toEqual([]);
    // Both idle: away.
    tab2.send({ type: "presence", state: "idle" });
    await watcher.waitFor(presenceOf(subjectId, "away"), 5000, from);
    // One tab active again: online.
    from = watcher.frames.length;
    tab1.send({ type: "presence", state: "active" });
    await watcher.waitFor(presenceOf(subjectId, "online"), 5000, from);

    // Closing the idle tab leaves her online; closing the last takes her offline, with last seen.
    from = watcher.frames.length;
    tab2.close();
    await pause(150);
    expect(watcher.frames.slice(from).filter((f) => f.type === "presence")).toEqual([]);
    const before = new Date().toISOString();
    tab1.close();
    const gone = await watcher.waitFor(presenceOf(subjectId, "offline"), 5000, from);
    expect(gone.lastSeenAt).not.toBeNull();
    expect(gone.lastSeenAt && gone.lastSeenAt >= before).toBe(true);
    const row = await server.app.ctx.db
      .selectFrom("users")
      .select("last_seen_at")
      .where("id", "=", subjectId)
      .executeTakeFirstOrThrow();
    expect(row.last_seen_at).toBe(gone.lastSeenAt);

    // A later watcher gets the stored last seen at once.
    const late = await ready(await cleo.connect());
    late.send({ type: "presence.watch", userIds: [subjectId] });
    expect((await late.waitFor(presenceOf(subjectId, "offline"))).lastSeenAt).toBe(gone.lastSeenAt);
    watcher.close();
    late.close();
  });

  it("presence: a new watch list replaces the old one; unwatched people are no longer heard", async () => {
    const eve = await seedPerson(server, "eve");
    const finn = await seedPerson(server, "finn");
    const subjectId = eve.user?.id ?? "";
    const otherId = finn.user?.id ?? "";
    const watcher = await ready(await ben.connect());
    watcher.send({ type: "presence.watch", userIds: [subjectId, otherId] });
    await watcher.waitFor(presenceOf(subjectId, "offline"));
    await watcher.waitFor(presenceOf(otherId, "offline"));
    // Still watching Cleo: she is not sent again; Ana is dropped.
    let from = watcher.frames.length;
    watcher.send({ type: "presence.watch", userIds: [otherId] });
    await pause(100);
    expect(watcher.frames.slice(from)).toEqual([]);
    const a = await ready(await eve.connect());
    from = watcher.frames.length;
    const c = await ready(await finn.connect());
    await watcher.waitFor(presenceOf(otherId, "online"), 5000, from);
    expect(watcher.frames.slice(from).filter((f) => f.type === "presence" && f.userId === subjectId)).toEqual(
      [],
    );
    // More than 500 people in one watch is refused as invalid.
    const tooMany = Array.from({ length: 501 }, () => crypto.randomUUID());
    watcher.send({ type: "presence.watch", userIds: tooMany });
    expect((await watcher.waitFor(isFrame("error"))).error.code).toBe("VALIDATION_FAILED");
    for (const s of [watcher, a, c]) s.close();
  });
});

describe.each(DB_KINDS)("awareness: presence after a silent peer (%s)", (kind) => {
  let server: TestServer;
  let ana: TestClient;
  let ben: TestClient;
  beforeAll(async () => {
    // A short heartbeat so a peer that stops answering pings is dropped within a fraction of a second.
    ({
      server,
      people: [ana, ben],
    } = await startWithPeople(kind, ["ana", "ben"], {
      realtime: { ...loadConfig({ NODE_ENV: "test" }).realtime, heartbeatMs: 100 },
    }));
  });
  afterAll(() => server?.close());

  it("presence: a socket that stops answering pings is dropped and its person goes offline", async () => {
    const subjectId = ana.user?.id ?? "";
    const watcher = await ready(await ben.connect());
    watcher.send({ type: "presence.watch", userIds: [subjectId] });
    await watcher.waitFor(presenceOf(subjectId, "offline"));
    // Ana's tab froze (or her machine lost power): her socket never answers a ping.
    const silent = new WebSocket(server.url.replace(/^http/, "ws") + SOCKET_PATH, {
      headers: { cookie: ana.cookie ?? "" },
      autoPong: false,
    });
    await new Promise((resolve, reject) => {
      silent.once("open", resolve);
      silent.once("error", reject);
    });
    const from = watcher.frames.length;
    await watcher.waitFor(presenceOf(subjectId, "online"), 5000, from);
    const gone = await watcher.waitFor(presenceOf(subjectId, "offline"), 5000, from);
    expect(gone.lastSeenAt).not.toBeNull();
    silent.terminate();
    watcher.close();
  });
});
