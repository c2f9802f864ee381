import { randomUUID } from "node:crypto";
import { API, type Room } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../testing/test-client";
import { DB_KINDS, startWithPeople, type TestServer } from "../../testing/test-server";

describe.each(DB_KINDS)("rooms API (%s)", (kind) => {
  let server: TestServer;
  let ana: TestClient;
  let ben: TestClient;
  beforeAll(async () => {
    ({
      server,
      people: [ana, ben],
    } = await startWithPeople(kind, ["ana", "ben"]));
  });
  afterAll(() => server?.close());

  it("rooms: creating a room makes the creator its owner and lists it as public", async () => {
    const room = await ana.createRoom("general", "Anything goes");
    expect(room).toMatchObject({
      name: "general",
      topic: "Anything goes",
      visibility: "public",
      myRole: "owner",
    });
    expect(room.memberCount).toBe(1);
    const list = await ben.request<{ rooms: Room[] }>("GET", API.rooms);
    const seen = list.body.rooms.find((r) => r.id === room.id);
    expect(seen).toMatchObject({ name: "general", memberCount: 1, myRole: null });
    const mine = await ana.request<{ rooms: Room[] }>("GET", API.myRooms);
    expect(mine.body.rooms.map((r) => r.id)).toContain(room.id);
  });

  it("rooms: join adds the member once, leave removes them", async () => {
    const room = await ana.createRoom();
    const joined = await ben.join(room.id);
    expect(joined).toMatchObject({ myRole: "member", memberCount: 2 });
    const again = await ben.join(room.id);
    expect(again.memberCount).toBe(2);
    let mine = await ben.request<{ rooms: Room[] }>("GET", API.myRooms);
    expect(mine.body.rooms.map((r) => r.id)).toContain(room.id);
    expect((await ben.request("POST", API.leaveRoom(room.id))).status).toBe(204);
    mine = await ben.request<{ rooms: Room[] }>("GET", API.myRooms);
    expect(mine.body.rooms.map((r) => r.id)).not.toContain(room.id);
    const left = await ben.request<{ error: { code: string } }>("POST", API.leaveRoom(room.id));
    expect(left.status).toBe(403);
    expect(left.body.error.code).toBe("NOT_A_MEMBER");
  });

  it("rooms: bad input and unknown rooms get their codes", async () => {
    const empty = await ana.request<{ error: { code: string } }>("POST", API.rooms, { name: "   " });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe("VALIDATION_FAILED");
    const long = await ana.request<{ error: { code: string } }>("POST", API.rooms, { name: "x".repeat(81) });
    expect(long.status).toBe(400);
    const unknown = await ana.request<{ error: { code: string } }>("POST", API.joinRoom(randomUUID()));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("ROOM_NOT_FOUND");
    const badId = await ana.request<{ error: { code: string } }>("GET", API.room("not-a-uuid"));
    expect(badId.status).toBe(400);
    expect(badId.body.error.code).toBe("VALIDATION_FAILED");
  });

  it("rooms: anonymous requests are 401", async () => {
    const anon = new TestClient(server.url);
    expect((await anon.request("GET", API.rooms)).status).toBe(401);
    expect((await anon.request("POST", API.rooms, { name: "x" })).status).toBe(401);
    const room = await ana.createRoom();
    expect((await anon.request("POST", API.joinRoom(room.id))).status).toBe(401);
    expect((await anon.request("GET", API.messages(room.id))).status).toBe(401);
  });

  /** Timestamps have millisecond precision: make sure the next write is strictly later. */
  const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

  /** Public rooms matching this search, as `ben` (a non-member) sees them. */
  async function search(q: string): Promise<Room[]> {
    const res = await ben.request<{ rooms: Room[] }>("GET", `${API.rooms}?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return res.body.rooms;
  }

  it("rooms: discovery search matches the name or the topic, in any case", async () => {
    const tag = randomUUID().slice(0, 8);
    const byName = await ana.createRoom(`Garden-${tag}`);
    const byTopic = await ana.createRoom(`plants-${tag.slice(0, 4)}`, `All about GARDEN-${tag} care`);
    const other = await ana.createRoom(`kitchen-${tag}`, "Recipes");
    const found = await search(`garden-${tag}`);
    expect(found.map((r) => r.id).sort()).toEqual([byName.id, byTopic.id].sort());
    expect(found.map((r) => r.id)).not.toContain(other.id);
    // Surrounding blanks are ignored; a blank search lists every public room.
    expect((await search(`  GaRdEn-${tag}  `)).length).toBe(2);
    expect((await search("")).map((r) => r.id)).toEqual(expect.arrayContaining([byName.id, other.id]));
    expect(await search(`nothing-${tag}`)).toEqual([]);
  });

  it("rooms: discovery search treats % and _ (and the escape character) literally", async () => {
    const tag = randomUUID().slice(0, 8);
    const percent = await ana.createRoom(`50%off-${tag}`);
    const fifty = await ana.createRoom(`50xoff-${tag}`);
    const underscore = await ana.createRoom(`a_b-${tag}`);
    const acb = await ana.createRoom(`acb-${tag}`);
    const backslash = await ana.createRoom(`back\\slash-${tag}`);
    expect((await search(`50%off-${tag}`)).map((r) => r.id)).toEqual([percent.id]);
    expect((await search(`a_b-${tag}`)).map((r) => r.id)).toEqual([underscore.id]);
    expect((await search(`\\slash-${tag}`)).map((r) => r.id)).toEqual([backslash.id]);
    // A lone wildcard matches only rooms that really contain it.
    const percentOnly = (await search("%")).map((r) => r.id);
    expect(percentOnly).toContain(percent.id);
    expect(percentOnly).not.toContain(fifty.id);
    expect((await search("_")).map((r) => r.id)).not.toContain(acb.id);
  });

  it("rooms: discovery never lists private rooms, not even to their owner", async () => {
    const tag = randomUUID().slice(0, 8);
    const secret = await ana.request<{ room: Room }>("POST", API.rooms, {
      name: `secret-${tag}`,
      topic: `hidden ${tag}`,
      visibility: "private",
    });
    expect(secret.status).toBe(201);
    expect(await search(tag)).toEqual([]);
    const asOwner = await ana.request<{ rooms: Room[] }>("GET", `${API.rooms}?q=${tag}`);
    expect(asOwner.body.rooms).toEqual([]);
    const all = await ben.request<{ rooms: Room[] }>("GET", API.rooms);
    expect(all.body.rooms.map((r) => r.id)).not.toContain(secret.body.room.id);
  });

  it("rooms: a discovery search longer than 100 characters is refused", async () => {
    const long = await ben.request<{ error: { code: string; message: string } }>(
      "GET",
      `${API.rooms}?q=${"x".repeat(101)}`,
    );
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe("VALIDATION_FAILED");
    expect(long.body.error.message).toContain("100");
    expect(await search("x".repeat(100))).toEqual([]);
  });

  it("rooms: lastActivityAt is null until the first message, then its time; busy rooms list first", async () => {
    const tag = randomUUID().slice(0, 8);
    const older = await ana.createRoom(`older-${tag}`);
    await tick();
    const newer = await ana.createRoom(`newer-${tag}`);
    await tick();
    expect(older.lastActivityAt).toBeNull();
    const before = await search(tag);
    expect(before.map((r) => [r.id, r.lastActivityAt])).toEqual([
      // Without messages, a room counts as active when it was created.
      [newer.id, null],
      [older.id, null],
    ]);

    const first = await ana.send(older.id, "hello");
    let listed = await search(tag);
    expect(listed.map((r) => r.id)).toEqual([older.id, newer.id]);
    expect(listed[0]?.lastActivityAt).toBe(first.createdAt);
    // The same field on the other ways a room is read.
    const one = await ana.request<{ room: Room }>("GET", API.room(older.id));
    expect(one.body.room.lastActivityAt).toBe(first.createdAt);
    const mine = await ana.request<{ rooms: Room[] }>("GET", API.myRooms);
    expect(mine.body.rooms.find((r) => r.id === newer.id)?.lastActivityAt).toBeNull();

    await ana.send(older.id, "again");
    await tick();
    const latest = await ana.send(newer.id, "me too");
    listed = await search(tag);
    expect(listed.map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(listed[0]?.lastActivityAt).toBe(latest.createdAt);
  });
});
