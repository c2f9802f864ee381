import { API, type Room } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFrame, type TestClient } from "../../testing/test-client";
import { DB_KINDS, startWithPeople, type TestServer } from "../../testing/test-server";

describe.each(DB_KINDS)("room settings (%s)", (kind) => {
  let server: TestServer;
  let owner: TestClient;
  let ben: TestClient;
  beforeAll(async () => {
    ({
      server,
      people: [owner, ben],
    } = await startWithPeople(kind, ["owner", "ben"]));
  });
  afterAll(() => server?.close());

  it("rooms: an admin renames a room and sets its topic; members see it live", async () => {
    const room = await owner.createRoom("old name");
    await ben.join(room.id);
    const b = await ben.connect();
    await b.sync([{ roomId: room.id, afterSeq: 0 }]);
    const res = await owner.request<{ room: Room }>("PATCH", API.room(room.id), {
      name: "new name",
      topic: "news",
    });
    expect(res.status).toBe(200);
    expect(res.body.room).toMatchObject({ name: "new name", topic: "news" });
    expect(await b.waitFor(isFrame("room.updated"))).toMatchObject({
      roomId: room.id,
      changes: { name: "new name", topic: "news" },
    });
    expect((await ben.request("PATCH", API.room(room.id), { topic: "mine now" })).status).toBe(403);
    expect((await owner.request("PATCH", API.room(room.id), {})).status).toBe(400);
    b.close();
  });

  it("rooms: an archived room is read-only until unarchived", async () => {
    const room = await owner.createRoom();
    await ben.join(room.id);
    await owner.request("PATCH", API.room(room.id), { archived: true });
    const post = await ben.request<{ error: { code: string } }>("POST", API.messages(room.id), {
      clientId: crypto.randomUUID(),
      body: "hello?",
    });
    expect(post.status).toBe(403);
    expect(post.body.error.code).toBe("ROOM_ARCHIVED");
    expect((await ben.request("GET", API.messages(room.id))).status).toBe(200);
    const unarchived = await owner.request<{ room: Room }>("PATCH", API.room(room.id), { archived: false });
    expect(unarchived.body.room.archived).toBe(false);
    await ben.send(room.id, "back");
  });

  it("rooms: slow mode lets a member post once per interval; moderators are exempt", async () => {
    const room = await owner.createRoom();
    await ben.join(room.id);
    await owner.request("PATCH", API.room(room.id), { slowModeSeconds: 60 });
    await ben.send(room.id, "first");
    const second = await ben.request<{ error: { code: string } }>("POST", API.messages(room.id), {
      clientId: crypto.randomUUID(),
      body: "second",
    });
    expect(second.status).toBe(429);
    expect(second.body.error.code).toBe("SLOW_MODE");
    // Two at once over the socket: only one gets through.
    const b = await ben.connect();
    await b.sync([]);
    await owner.request("PATCH", API.room(room.id), { slowModeSeconds: 0 });
    await owner.request("PATCH", API.room(room.id), { slowModeSeconds: 60 });
    await server.app.ctx.db.updateTable("room_members").set({ last_posted_at: null }).execute();
    b.send({ type: "message.send", roomId: room.id, clientId: crypto.randomUUID(), body: "a" });
    b.send({ type: "message.send", roomId: room.id, clientId: crypto.randomUUID(), body: "b" });
    await b.waitFor(isFrame("error"));
    await b.waitFor(isFrame("message.ack"));
    expect(b.frames.filter(isFrame("message.ack"))).toHaveLength(1);
    b.close();
    await owner.send(room.id, "owners are exempt");
    await owner.send(room.id, "twice");
  });

  it("rooms: the owner deletes a room; members are told and it is gone", async () => {
    const room = await owner.createRoom();
    await ben.join(room.id);
    await owner.send(room.id, "soon gone");
    const b = await ben.connect();
    await b.sync([{ roomId: room.id, afterSeq: 0 }]);
    expect((await ben.request("DELETE", API.room(room.id))).status).toBe(403);
    expect((await owner.request("DELETE", API.room(room.id))).status).toBe(204);
    expect(await b.waitFor(isFrame("membership"))).toMatchObject({
      roomId: room.id,
      joined: false,
      reason: "deleted",
    });
    expect((await ben.request("GET", API.room(room.id))).status).toBe(404);
    b.close();
  });
});
