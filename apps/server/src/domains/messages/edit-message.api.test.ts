import {
  API,
  type EditMessageResponse,
  MESSAGE_MAX_LENGTH,
  type Message,
  type MessageHistoryResponse,
} from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFrame, type TestClient } from "../../testing/test-client";
import { DB_KINDS, seedPerson, startTestServer, type TestServer } from "../../testing/test-server";

describe.each(DB_KINDS)("editing messages (%s)", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server?.close());

  /** A channel owned by Olga with Mia (moderator) and Ann and Bo (members). */
  async function channel() {
    const [olga, mia, ann, bo] = (await Promise.all(
      ["Olga", "Mia", "Ann", "Bo"].map((name) => seedPerson(server, name)),
    )) as [TestClient, TestClient, TestClient, TestClient];
    const room = await olga.createRoom();
    for (const person of [mia, ann, bo]) await person.join(room.id);
    await olga.request("PUT", API.role(room.id, mia.user?.id ?? ""), { role: "moderator" });
    return { room, olga, mia, ann, bo };
  }

  const edit = (client: TestClient, roomId: string, messageId: string, body: unknown) =>
    client.request<EditMessageResponse & { error?: { code: string } }>(
      "PATCH",
      API.message(roomId, messageId),
      {
        body,
      },
    );
  const history = (client: TestClient, roomId: string, messageId: string) =>
    client.request<MessageHistoryResponse & { error?: { code: string } }>(
      "GET",
      API.messageHistory(roomId, messageId),
    );

  it("edit: the author changes the text; the edit takes the next seq and the history shows the new text", async () => {
    const { room, ann, bo } = await channel();
    const original = await ann.send(room.id, "meet at 3");
    await bo.send(room.id, "ok");
    const res = await edit(ann, room.id, original.id, "meet at 4");
    expect(res.status).toBe(200);
    expect(res.body.message).toMatchObject({ id: original.id, seq: original.seq, body: "meet at 4" });
    expect(res.body.message.editedAt).toEqual(expect.any(String));
    expect(res.body.edit).toMatchObject({ kind: "edit", targetId: original.id, seq: 3, body: "meet at 4" });
    const page = await bo.history(room.id);
    const stored = page.messages.find((m) => m.id === original.id);
    expect(stored).toMatchObject({ body: "meet at 4", editedAt: res.body.message.editedAt });
    expect(page.messages.map((m) => m.kind)).toEqual(["message", "message", "edit"]);
  });

  it("edit: open sockets get the edit live, and a client resuming from before it gets it too", async () => {
    const { room, ann, bo } = await channel();
    const original = await ann.send(room.id, "draft");
    const live = await bo.connect();
    await live.waitFor(isFrame("ready"));
    await live.sync([{ roomId: room.id, afterSeq: original.seq }]);
    await edit(ann, room.id, original.id, "final");
    const frame = await live.waitFor(
      (f): f is Extract<typeof f, { type: "message.new" }> =>
        f.type === "message.new" && f.message.kind === "edit",
    );
    expect(frame.message).toMatchObject({ targetId: original.id, body: "final" });
    live.close();

    const resuming = await bo.connect();
    await resuming.waitFor(isFrame("ready"));
    await resuming.sync([{ roomId: room.id, afterSeq: original.seq }]);
    const caughtUp = resuming.frames.flatMap((f) => (f.type === "message.new" ? [f.message as Message] : []));
    expect(caughtUp.map((m) => [m.kind, m.body])).toEqual([["edit", "final"]]);
    resuming.close();
  });

  it("edit: the same text records nothing; moderators and the author see the earlier texts, others do not", async () => {
    const { room, mia, ann, bo } = await channel();
    const original = await ann.send(room.id, "v1");
    await edit(ann, room.id, original.id, "v2");
    await edit(ann, room.id, original.id, "v3");
    const same = await edit(ann, room.id, original.id, "v3");
    expect(same.status).toBe(200);
    expect(same.body.edit).toBeNull();
    for (const reader of [mia, ann]) {
      const res = await history(reader, room.id, original.id);
      expect(res.status).toBe(200);
      expect(res.body.versions.map((v) => v.body)).toEqual(["v1", "v2"]);
      expect(res.body.versions[0]?.replacedBy.displayName).toBe("Ann");
    }
    const nosy = await history(bo, room.id, original.id);
    expect(nosy.status).toBe(403);
  });

  it("edit: nobody edits someone else's message, not even the owner; bad input is refused clearly", async () => {
    const { room, olga, ann, bo } = await channel();
    const original = await ann.send(room.id, "mine");
    for (const other of [bo, olga]) {
      const res = await edit(other, room.id, original.id, "hijacked");
      expect(res.status).toBe(403);
      expect(res.body.error?.code).toBe("FORBIDDEN");
    }
    for (const body of ["", "   ", 42, undefined]) {
      const res = await edit(ann, room.id, original.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error?.code).toBe("VALIDATION_FAILED");
    }
    const long = await edit(ann, room.id, original.id, "x".repeat(MESSAGE_MAX_LENGTH + 1));
    expect(long.status).toBe(400);
    expect(long.body.error?.code).toBe("MESSAGE_TOO_LONG");
    const unknown = await edit(ann, room.id, "00000000-0000-4000-8000-000000000000", "x");
    expect(unknown.status).toBe(404);
    expect((await ann.history(room.id)).messages.find((m) => m.id === original.id)?.body).toBe("mine");
  });

  it("edit: a muted author cannot edit; a deleted message cannot be edited and takes its history with it", async () => {
    const { room, olga, mia, ann } = await channel();
    const original = await ann.send(room.id, "first words");
    await edit(ann, room.id, original.id, "second words");
    await olga.request("PUT", API.mute(room.id, ann.user?.id ?? ""), { durationSeconds: 600 });
    const muted = await edit(ann, room.id, original.id, "third words");
    expect(muted.status).toBe(403);
    expect(muted.body.error?.code).toBe("MUTED");
    await olga.request("DELETE", API.mute(room.id, ann.user?.id ?? ""));

    await ann.request("DELETE", API.message(room.id, original.id));
    const gone = await edit(ann, room.id, original.id, "too late");
    expect(gone.status).toBe(404);
    expect(gone.body.error?.code).toBe("MESSAGE_NOT_FOUND");
    expect((await history(mia, room.id, original.id)).body.versions).toEqual([]);
    // The edit entry no longer carries the deleted text either.
    const log = (await ann.history(room.id)).messages;
    expect(log.filter((m) => m.kind === "edit").map((m) => m.body)).toEqual([""]);
  });
});
