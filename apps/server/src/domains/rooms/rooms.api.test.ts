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
});
