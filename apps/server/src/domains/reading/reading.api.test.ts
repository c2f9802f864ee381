import { API, type ReadState, type ServerFrame } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFrame, type TestClient } from "../../testing/test-client";
import { DB_KINDS, seedPerson, startTestServer, type TestServer } from "../../testing/test-server";

describe.each(DB_KINDS)("read state (%s)", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server?.close());

  async function pair() {
    const ana = await seedPerson(server, "Ana");
    const ben = await seedPerson(server, "Ben");
    const room = await ana.createRoom();
    await ben.join(room.id);
    return { ana, ben, room };
  }

  const stateOf = async (client: TestClient, roomId: string): Promise<ReadState | undefined> => {
    const res = await client.request<{ reads: ReadState[] }>("GET", API.readStates);
    expect(res.status).toBe(200);
    return res.body.reads.find((r) => r.roomId === roomId);
  };
  const markRead = (client: TestClient, roomId: string, seq: unknown) =>
    client.request<{ read: ReadState }>("POST", API.markRead(roomId), { seq });

  it("read: others' messages after my pointer are unread; mine and deleted ones are not", async () => {
    const { ana, ben, room } = await pair();
    await ana.send(room.id, "one");
    const two = await ana.send(room.id, "two");
    await ana.send(room.id, "three");
    await ben.send(room.id, "my own");
    await ana.request("DELETE", API.message(room.id, two.id));
    expect(await stateOf(ben, room.id)).toEqual({
      roomId: room.id,
      readSeq: 0,
      lastSeq: 5,
      unreadCount: 2,
      mentionCount: 0,
    });
    expect(await stateOf(ana, room.id)).toMatchObject({ unreadCount: 1 });
  });

  it("read: the pointer only moves forward, never past the newest entry", async () => {
    const { ana, ben, room } = await pair();
    for (const body of ["a", "b", "c"]) await ana.send(room.id, body);
    expect((await markRead(ben, room.id, 2)).body.read).toMatchObject({ readSeq: 2, unreadCount: 1 });
    expect((await markRead(ben, room.id, 1)).body.read).toMatchObject({ readSeq: 2, unreadCount: 1 });
    expect((await markRead(ben, room.id, 999)).body.read).toMatchObject({ readSeq: 3, unreadCount: 0 });
    await ana.send(room.id, "d");
    expect(await stateOf(ben, room.id)).toMatchObject({ readSeq: 3, unreadCount: 1 });
  });

  it("read: every device of mine hears the new state; a repeated mark tells nobody", async () => {
    const { ana, ben, room } = await pair();
    await ana.send(room.id, "hello");
    const laptop = await ben.connect();
    await laptop.waitFor(isFrame("ready"));
    await markRead(ben, room.id, 1);
    const frame = await laptop.waitFor(isFrame("read.updated"));
    expect(frame.read).toEqual({ roomId: room.id, readSeq: 1, lastSeq: 1, unreadCount: 0, mentionCount: 0 });
    const before = laptop.frames.length;
    await markRead(ben, room.id, 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(laptop.frames.slice(before).filter((f: ServerFrame) => f.type === "read.updated")).toEqual([]);
    laptop.close();
  });

  it("read: mark all as read covers every room of mine", async () => {
    const { ana, ben, room } = await pair();
    const other = await ana.createRoom();
    await ben.join(other.id);
    await ana.send(room.id, "x");
    await ana.send(other.id, "y");
    await ana.send(other.id, "z");
    const res = await ben.request<{ reads: ReadState[] }>("POST", API.markAllRead, {});
    expect(res.status).toBe(200);
    expect(res.body.reads.map((r) => r.unreadCount)).toEqual([0, 0]);
    expect(await stateOf(ben, other.id)).toMatchObject({ readSeq: 2, unreadCount: 0 });
  });

  it("read: bad input is refused with VALIDATION_FAILED", async () => {
    const { ben, room } = await pair();
    for (const seq of [-1, 1.5, "3", null]) {
      const res = await markRead(ben, room.id, seq);
      expect(res.status, String(seq)).toBe(400);
      expect(res.body).toMatchObject({ error: { code: "VALIDATION_FAILED" } });
    }
    const level = await ben.request("PUT", API.notifyLevel(room.id), { level: "loud" });
    expect(level.status).toBe(400);
  });

  it("read: setting my notification level reaches my devices as the room", async () => {
    const { ben, room } = await pair();
    const phone = await ben.connect();
    await phone.waitFor(isFrame("ready"));
    expect((await ben.request("PUT", API.notifyLevel(room.id), { level: "mute" })).status).toBe(204);
    const frame = await phone.waitFor(isFrame("membership"));
    expect(frame).toMatchObject({ roomId: room.id, joined: true });
    const row = await server.app.ctx.db
      .selectFrom("room_members")
      .select("notify")
      .where("room_id", "=", room.id)
      .where("user_id", "=", ben.user?.id ?? "")
      .executeTakeFirstOrThrow();
    expect(row.notify).toBe("mute");
    phone.close();
  });
});
