import { randomUUID } from "node:crypto";
import { API, type AuditEntry, type DeleteMessageResponse, type Message } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFrame, type TestClient } from "../../testing/test-client";
import { DB_KINDS, seedPerson, startTestServer, type TestServer } from "../../testing/test-server";

describe.each(DB_KINDS)("deleting messages (%s)", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server?.close());

  /** A channel owned by Olga with Mia (moderator) and Ann and Bo (members). */
  async function channel() {
    const [olga, mia, ann, bo] = await Promise.all(
      ["Olga", "Mia", "Ann", "Bo"].map((name) => seedPerson(server, name)),
    );
    const room = await (olga as TestClient).createRoom();
    for (const person of [mia, ann, bo]) await (person as TestClient).join(room.id);
    const promoted = await (olga as TestClient).request("PUT", API.role(room.id, mia?.user?.id ?? ""), {
      role: "moderator",
    });
    expect(promoted.status).toBe(204);
    return {
      room,
      olga: olga as TestClient,
      mia: mia as TestClient,
      ann: ann as TestClient,
      bo: bo as TestClient,
    };
  }

  const remove = (client: TestClient, roomId: string, messageId: string) =>
    client.request<DeleteMessageResponse>("DELETE", API.message(roomId, messageId));

  it("delete: the author deletes their message; its body is gone and the deletion takes the next seq", async () => {
    const { room, ann, bo } = await channel();
    const first = await ann.send(room.id, "a secret I regret");
    await bo.send(room.id, "reply");
    const res = await remove(ann, room.id, first.id);
    expect(res.status).toBe(200);
    expect(res.body.message).toMatchObject({ id: first.id, seq: first.seq, body: "", deleted: "author" });
    expect(res.body.deletion).toMatchObject({ kind: "deletion", targetId: first.id, seq: 3, body: "" });
    // The log stays gapless: the next message follows the deletion.
    expect((await bo.send(room.id, "after")).seq).toBe(4);
    const history = await bo.history(room.id);
    expect(history.messages.map((m) => [m.seq, m.kind, m.body, m.deleted])).toEqual([
      [1, "message", "", "author"],
      [2, "message", "reply", null],
      [3, "deletion", "", null],
      [4, "message", "after", null],
    ]);
    // Wiped in storage, not only hidden on the wire.
    const row = await server.app.ctx.db
      .selectFrom("messages")
      .select(["body", "deleted_by"])
      .where("id", "=", first.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ body: "", deleted_by: ann.user?.id });
  });

  it("delete: members' open sockets get the deletion live, and a resuming client gets it too", async () => {
    const { room, ann, bo } = await channel();
    const message = await ann.send(room.id, "soon gone");
    const live = await bo.connect();
    await live.sync([{ roomId: room.id, afterSeq: message.seq }]);
    await remove(ann, room.id, message.id);
    const frame = await live.waitFor(
      (f): f is Extract<typeof f, { type: "message.new" }> =>
        isFrame("message.new")(f) && f.message.kind === "deletion",
    );
    expect(frame.message).toMatchObject({ roomId: room.id, seq: message.seq + 1, targetId: message.id });
    live.close();

    const later = await bo.connect();
    await later.sync([{ roomId: room.id, afterSeq: 0 }]);
    expect(later.messages(room.id).map((m) => [m.seq, m.kind, m.body])).toEqual([
      [1, "message", ""],
      [2, "deletion", ""],
    ]);
    later.close();
  });

  it("delete: deleting again changes nothing; concurrent deletes record one deletion", async () => {
    const { room, ann, mia } = await channel();
    const message = await ann.send(room.id, "twice?");
    const results = await Promise.all([
      remove(ann, room.id, message.id),
      remove(mia, room.id, message.id),
      remove(ann, room.id, message.id),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.filter((r) => r.body.deletion !== null)).toHaveLength(1);
    const again = await remove(ann, room.id, message.id);
    expect(again.body.deletion).toBeNull();
    const history = await ann.history(room.id);
    expect(history.messages.map((m) => m.kind)).toEqual(["message", "deletion"]);
  });

  it("delete: a retried send of a deleted message does not bring it back", async () => {
    const { room, ann } = await channel();
    const clientId = randomUUID();
    const message = await ann.send(room.id, "once", clientId);
    await remove(ann, room.id, message.id);
    const retry = await ann.request<{ message: Message; duplicate: boolean }>("POST", API.messages(room.id), {
      clientId,
      body: "once",
    });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({
      duplicate: true,
      message: { id: message.id, body: "", deleted: "author" },
    });
  });

  it("delete: a moderator removes anyone's message, shown as removed by a moderator and written to the audit log", async () => {
    const { room, olga, mia, ann } = await channel();
    const ownerMessage = await olga.send(room.id, "from the owner");
    const spam = await ann.send(room.id, "spam spam");
    const res = await remove(mia, room.id, spam.id);
    expect(res.status).toBe(200);
    expect(res.body.message.deleted).toBe("moderator");
    expect((await remove(mia, room.id, ownerMessage.id)).status).toBe(200);
    const log = await olga.request<{ entries: AuditEntry[] }>("GET", API.audit(room.id));
    const removals = log.body.entries.filter((e) => e.action === "message.removed");
    expect(removals.map((e) => [e.actor.id, e.target?.id])).toEqual(
      expect.arrayContaining([
        [mia.user?.id, ann.user?.id],
        [mia.user?.id, olga.user?.id],
      ]),
    );
    // The author deleting their own message is not a moderation action.
    const own = await ann.send(room.id, "mine");
    await remove(ann, room.id, own.id);
    const after = await olga.request<{ entries: AuditEntry[] }>("GET", API.audit(room.id));
    expect(after.body.entries.filter((e) => e.action === "message.removed")).toHaveLength(2);
  });

  it("delete: a member cannot delete someone else's message", async () => {
    const { room, ann, bo } = await channel();
    const message = await ann.send(room.id, "not yours");
    const res = await remove(bo, room.id, message.id);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect((await bo.history(room.id)).messages.map((m) => m.body)).toEqual(["not yours"]);
  });

  it("delete: unknown, foreign-room, event and malformed ids are refused clearly", async () => {
    const { room, olga, ann } = await channel();
    const elsewhere = await olga.createRoom();
    const foreign = await olga.send(elsewhere.id, "other room");
    const message = await ann.send(room.id, "here");
    const deletion = (await remove(ann, room.id, message.id)).body.deletion;
    for (const id of [randomUUID(), foreign.id, deletion?.id ?? ""]) {
      const res = await remove(olga, room.id, id);
      expect(res.status, id).toBe(404);
      expect(res.body).toMatchObject({ error: { code: "MESSAGE_NOT_FOUND" } });
    }
    const malformed = await olga.request("DELETE", API.message(room.id, "not-a-uuid"));
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { code: "VALIDATION_FAILED" } });
  });

  it("delete: in an archived room authors cannot delete, moderators still can", async () => {
    const { room, olga, ann } = await channel();
    const first = await ann.send(room.id, "archived soon");
    const second = await ann.send(room.id, "also");
    expect((await olga.request("PATCH", API.room(room.id), { archived: true })).status).toBe(200);
    const refused = await remove(ann, room.id, first.id);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: "ROOM_ARCHIVED" } });
    expect((await remove(olga, room.id, second.id)).status).toBe(200);
  });

  it("delete: in a direct conversation each person deletes only their own messages", async () => {
    const [ann, bo] = await Promise.all([seedPerson(server, "Ann"), seedPerson(server, "Bo")]);
    const opened = await ann.request<{ room: { id: string } }>("POST", API.conversations, {
      userIds: [bo.user?.id],
    });
    const roomId = opened.body.room.id;
    const mine = await ann.send(roomId, "dm");
    expect((await remove(bo, roomId, mine.id)).status).toBe(403);
    expect((await remove(ann, roomId, mine.id)).status).toBe(200);
  });
});
