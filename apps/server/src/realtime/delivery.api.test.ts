import { randomUUID } from "node:crypto";
import type { Message } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFrame, TestClient } from "../testing/test-client";
import { DB_KINDS, startWithPeople, type TestServer } from "../testing/test-server";

// The delivery promise: an acked message is never lost, never shown twice, and every member
// sees the room in the same order as the database.
describe.each(DB_KINDS)("delivery guarantees (%s)", (kind) => {
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

  it("delivery: one clientId sent 10 times at once, again after reconnect and after restart, is one message", async () => {
    const room = await ana.createRoom();
    const clientId = randomUUID();
    const frame = { type: "message.send", roomId: room.id, clientId, body: "exactly once" };
    const first = await ana.connect();
    await first.sync([]);
    for (let i = 0; i < 10; i++) first.send(frame);
    const idsOf = (socket: typeof first) =>
      socket.frames.filter(isFrame("message.ack")).map((f) => f.message.id);
    await first.waitFor(
      (f): f is Extract<typeof f, { type: "message.ack" }> =>
        f.type === "message.ack" && idsOf(first).length >= 10,
    );
    const original = idsOf(first)[0];
    expect(new Set(idsOf(first))).toEqual(new Set([original]));
    first.close();

    const second = await ana.connect();
    await second.sync([]);
    second.send(frame);
    expect((await second.waitFor(isFrame("message.ack"))).message.id).toBe(original);
    second.close();

    server = await server.restart();
    ana = new TestClient(server.url).withCookie(ana.cookie);
    ben = new TestClient(server.url).withCookie(ben.cookie);
    const third = await ana.connect();
    await third.sync([]);
    third.send(frame);
    const ack = await third.waitFor(isFrame("message.ack"));
    expect(ack.message.id).toBe(original);
    expect(ack.duplicate).toBe(true);
    third.close();
    expect((await ana.history(room.id)).messages.map((m) => m.clientId)).toEqual([clientId]);
  });

  it("delivery: a subscriber away during 500 sends resumes with no gap, no duplicate, in database order", async () => {
    const room = await ana.createRoom();
    await ben.join(room.id);
    const b = await ben.connect();
    await b.sync([{ roomId: room.id, afterSeq: 0 }]);
    const send = (i: number) => ana.send(room.id, `burst ${i}`);
    for (let i = 0; i < 100; i++) await send(i);
    await b.waitFor(
      (f): f is Extract<typeof f, { type: "message.new" }> =>
        f.type === "message.new" && f.message.seq === 100,
    );
    const seen: Message[] = b.messages(room.id);
    b.close();
    await b.closed;
    // Away while 500 more are sent, from two writers at once.
    await Promise.all([
      (async () => {
        for (let i = 100; i < 350; i++) await send(i);
      })(),
      (async () => {
        for (let i = 350; i < 600; i++) await send(i);
      })(),
    ]);
    const back = await ben.connect();
    await back.sync([{ roomId: room.id, afterSeq: seen.at(-1)?.seq ?? 0 }]);
    const all = [...seen, ...back.messages(room.id)];
    const stored: Message[] = [];
    for (let before: number | undefined; ; ) {
      const page = await ana.history(room.id, `?limit=200${before ? `&before=${before}` : ""}`);
      stored.unshift(...page.messages);
      if (!page.hasMore) break;
      before = page.messages[0]?.seq;
    }
    expect(all.map((m) => m.id)).toEqual(stored.map((m) => m.id));
    expect(all.map((m) => m.seq)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    back.close();
  });
});
