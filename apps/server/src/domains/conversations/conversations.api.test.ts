import { randomUUID } from "node:crypto";
import { API, type Room } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFrame, TestClient } from "../../testing/test-client";
import { DB_KINDS, startWithPeople, type TestServer } from "../../testing/test-server";

describe.each(DB_KINDS)("direct conversations (%s)", (kind) => {
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

  const open = (who: TestClient, ids: Array<string | undefined>) =>
    who.request<{ room: Room; error?: { code: string } }>("POST", API.conversations, { userIds: ids });

  it("conversations: a 1:1 opens once and is found again from either side; the other person sees it appear", async () => {
    const b = await ben.connect();
    await b.sync([]);
    const first = await open(ana, [ben.user?.id]);
    expect(first.status).toBe(201);
    expect(first.body.room).toMatchObject({
      kind: "dm",
      visibility: "private",
      people: [{ displayName: "ben" }],
    });
    expect(await b.waitFor(isFrame("membership"))).toMatchObject({
      roomId: first.body.room.id,
      joined: true,
    });
    const again = await open(ana, [ben.user?.id]);
    expect(again.status).toBe(200);
    expect(again.body.room.id).toBe(first.body.room.id);
    const fromBen = await open(ben, [ana.user?.id]);
    expect(fromBen.body.room.id).toBe(first.body.room.id);
    expect(fromBen.body.room.people).toEqual([{ id: ana.user?.id, displayName: "ana" }]);
    // It is private: not listed, not visible to a third person.
    expect((await cleo.request("GET", API.room(first.body.room.id))).status).toBe(404);
    await ana.send(first.body.room.id, "hi ben");
    expect((await ben.history(first.body.room.id)).messages.map((m) => m.body)).toEqual(["hi ben"]);
    b.close();
  });

  it("conversations: opening the same 1:1 from both sides at once yields one room", async () => {
    const dave = new TestClient(server.url);
    await dave.signUp("dave");
    const results = await Promise.all([
      open(ana, [dave.user?.id]),
      open(dave, [ana.user?.id]),
      open(ana, [dave.user?.id]),
    ]);
    expect(new Set(results.map((r) => r.body.room.id)).size).toBe(1);
  });

  it("conversations: a group of up to 8 has no owner and cannot be left as a dm can't", async () => {
    const group = await open(ana, [ben.user?.id, cleo.user?.id]);
    expect(group.status).toBe(201);
    expect(group.body.room).toMatchObject({ kind: "group", myRole: "member", memberCount: 3 });
    expect(group.body.room.people.map((p) => p.displayName)).toEqual(["ben", "cleo"]);
    // Nobody can add people to it.
    const add = await ana.request("POST", API.members(group.body.room.id), { userId: randomUUID() });
    expect(add.status).toBe(403);
    // A group can be left; a 1:1 cannot.
    expect((await cleo.request("POST", API.leaveRoom(group.body.room.id))).status).toBe(204);
    const dm = await open(ana, [cleo.user?.id]);
    expect((await ana.request("POST", API.leaveRoom(dm.body.room.id))).status).toBe(403);
  });

  it("conversations: bad requests get clear errors", async () => {
    expect((await open(ana, [ana.user?.id])).status).toBe(400);
    expect((await open(ana, [])).status).toBe(400);
    expect(
      (
        await open(
          ana,
          Array.from({ length: 8 }, () => randomUUID()),
        )
      ).status,
    ).toBe(400);
    expect((await open(ana, [randomUUID()])).status).toBe(404);
    expect((await open(ana, ["not-a-uuid"])).status).toBe(400);
  });
});
