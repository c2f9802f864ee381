import { randomUUID } from "node:crypto";
import { API, type Message, type SendMessageResponse } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFrame, type TestClient } from "../../testing/test-client";
import { DB_KINDS, seedPerson, startTestServer, type TestServer } from "../../testing/test-server";

describe.each(DB_KINDS)("replies (%s)", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server?.close());

  async function channel() {
    const [ann, bo] = (await Promise.all(["Ann", "Bo"].map((n) => seedPerson(server, n)))) as [
      TestClient,
      TestClient,
    ];
    const room = await ann.createRoom();
    await bo.join(room.id);
    return { ann, bo, room };
  }
  const reply = (client: TestClient, roomId: string, replyToId: unknown, body = "agreed") =>
    client.request<SendMessageResponse & { error?: { code: string } }>("POST", API.messages(roomId), {
      clientId: randomUUID(),
      body,
      replyToId,
    });

  it("replies: a reply carries a quote of the message it answers, in the ack, live and in history", async () => {
    const { ann, bo, room } = await channel();
    const question = await ann.send(room.id, "Ship on Friday?");
    const live = await ann.connect();
    await live.waitFor(isFrame("ready"));
    await live.sync([{ roomId: room.id, afterSeq: question.seq }]);
    const res = await reply(bo, room.id, question.id, "Yes, after the review");
    expect(res.status).toBe(201);
    const quote = {
      id: question.id,
      seq: question.seq,
      author: { id: ann.user?.id, displayName: "Ann" },
      excerpt: "Ship on Friday?",
      deleted: false,
    };
    expect(res.body.message.replyTo).toEqual(quote);
    const frame = await live.waitFor(
      (f): f is Extract<typeof f, { type: "message.new" }> => f.type === "message.new" && f.message.seq === 2,
    );
    expect(frame.message.replyTo).toEqual(quote);
    const page = await bo.history(room.id);
    expect(page.messages.find((m: Message) => m.id === res.body.message.id)?.replyTo).toEqual(quote);
    expect(page.messages.find((m: Message) => m.id === question.id)?.replyTo).toBeNull();
    live.close();

    // The original deleted later: the quote says so, without its text.
    await ann.request("DELETE", API.message(room.id, question.id));
    const after = (await bo.history(room.id)).messages.find((m: Message) => m.id === res.body.message.id);
    expect(after?.replyTo).toMatchObject({ id: question.id, excerpt: "", deleted: true });
  });

  it("replies: a long message is quoted by its start; a socket send can reply too", async () => {
    const { ann, bo, room } = await channel();
    const long = await ann.send(room.id, "x".repeat(500));
    const socket = await bo.connect();
    await socket.waitFor(isFrame("ready"));
    const clientId = randomUUID();
    socket.send({
      type: "message.send",
      roomId: room.id,
      clientId,
      body: "too long to read",
      replyToId: long.id,
    });
    const ack = await socket.waitFor(isFrame("message.ack"));
    expect(ack.message.replyTo?.excerpt).toBe(`${"x".repeat(200)}…`);
    socket.close();
  });

  it("replies: to a message of another room, an unknown one, or a log event: refused clearly", async () => {
    const { ann, bo, room } = await channel();
    const other = await ann.createRoom();
    const elsewhere = await ann.send(other.id, "in another room");
    const mine = await bo.send(room.id, "hello");
    const deletion = (await bo.request<{ deletion: Message }>("DELETE", API.message(room.id, mine.id))).body
      .deletion;
    for (const target of [elsewhere.id, randomUUID(), deletion.id]) {
      const res = await reply(bo, room.id, target);
      expect(res.status).toBe(404);
      expect(res.body.error?.code).toBe("MESSAGE_NOT_FOUND");
    }
    expect((await reply(bo, room.id, "not-an-id")).status).toBe(400);
  });
});
