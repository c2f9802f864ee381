import { API, type Message, type ReactResponse } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFrame, type TestClient } from "../../testing/test-client";
import { DB_KINDS, seedPerson, startTestServer, type TestServer } from "../../testing/test-server";

describe.each(DB_KINDS)("reactions (%s)", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server?.close());

  async function channel() {
    const [olga, ann, bo] = (await Promise.all(["Olga", "Ann", "Bo"].map((n) => seedPerson(server, n)))) as [
      TestClient,
      TestClient,
      TestClient,
    ];
    const room = await olga.createRoom();
    for (const person of [ann, bo]) await person.join(room.id);
    return { room, olga, ann, bo };
  }
  const react = (client: TestClient, roomId: string, messageId: string, emoji: unknown, on: unknown = true) =>
    client.request<ReactResponse & { error?: { code: string } }>("POST", API.reactions(roomId, messageId), {
      emoji,
      on,
    });
  const stored = async (client: TestClient, roomId: string, messageId: string) =>
    (await client.history(roomId)).messages.find((m) => m.id === messageId) as Message;

  it("reactions: adding and taking back are log entries; the message lists each emoji with its people", async () => {
    const { room, ann, bo, olga } = await channel();
    const message = await olga.send(room.id, "shipped!");
    const added = await react(ann, room.id, message.id, "🎉");
    expect(added.status).toBe(200);
    expect(added.body.event).toMatchObject({ kind: "reaction", targetId: message.id, body: "🎉", seq: 2 });
    await react(bo, room.id, message.id, "🎉");
    await react(bo, room.id, message.id, "👍🏽");
    expect((await stored(ann, room.id, message.id)).reactions).toEqual([
      { emoji: "🎉", userIds: [ann.user?.id, bo.user?.id] },
      { emoji: "👍🏽", userIds: [bo.user?.id] },
    ]);
    // Again: nothing changes, nothing is recorded.
    expect((await react(ann, room.id, message.id, "🎉")).body.event).toBeNull();
    const taken = await react(ann, room.id, message.id, "🎉", false);
    expect(taken.body.event).toMatchObject({ kind: "unreaction", body: "🎉", seq: 5 });
    expect((await react(ann, room.id, message.id, "🎉", false)).body.event).toBeNull();
    const after = await stored(bo, room.id, message.id);
    expect(after.reactions).toEqual([
      { emoji: "🎉", userIds: [bo.user?.id] },
      { emoji: "👍🏽", userIds: [bo.user?.id] },
    ]);
    expect(after.eventSeq).toBe(5);
  });

  it("reactions: other members see them live, and a resuming client gets them from the log", async () => {
    const { room, ann, bo, olga } = await channel();
    const message = await olga.send(room.id, "lunch?");
    const live = await bo.connect();
    await live.waitFor(isFrame("ready"));
    await live.sync([{ roomId: room.id, afterSeq: message.seq }]);
    await react(ann, room.id, message.id, "🍕");
    const frame = await live.waitFor(
      (f): f is Extract<typeof f, { type: "message.new" }> =>
        f.type === "message.new" && f.message.kind === "reaction",
    );
    expect(frame.message).toMatchObject({ body: "🍕", targetId: message.id, author: { id: ann.user?.id } });
    live.close();
  });

  it("reactions: only one emoji; muted members and outsiders cannot react; deleted messages take none", async () => {
    const { room, olga, ann, bo } = await channel();
    const message = await olga.send(room.id, "hello");
    for (const emoji of ["", "ok", "👍👍", "<img src=x onerror=alert(1)>", 5]) {
      const res = await react(ann, room.id, message.id, emoji);
      expect(res.status, String(emoji)).toBe(400);
      expect(res.body.error?.code).toBe("VALIDATION_FAILED");
    }
    expect((await react(ann, room.id, message.id, "👍", "yes")).status).toBe(400);
    await olga.request("PUT", API.mute(room.id, bo.user?.id ?? ""), { durationSeconds: 600 });
    const muted = await react(bo, room.id, message.id, "👍");
    expect(muted.status).toBe(403);
    expect(muted.body.error?.code).toBe("MUTED");
    const outsider = await seedPerson(server, "Eve");
    expect((await react(outsider, room.id, message.id, "👍")).status).toBe(403);

    await react(ann, room.id, message.id, "👍");
    await olga.request("DELETE", API.message(room.id, message.id));
    const gone = await react(ann, room.id, message.id, "❤️");
    expect(gone.status).toBe(404);
    expect((await stored(olga, room.id, message.id)).reactions).toEqual([]);
  });
});
