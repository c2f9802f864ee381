import { randomUUID } from "node:crypto";
import { type TestDatabase, tempPostgres, tempSqlite } from "@parley/db/testing";
import type { Message } from "@parley/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { ServerProcess, serverEnvFor } from "../testing/server-process";
import { isFrame, TestClient } from "../testing/test-client";
import { DB_KINDS, type DbKindUnderTest } from "../testing/test-server";

// The delivery promise against the real server process: an acked message is never lost,
// never shown twice, and every member sees the room in the same order as the database.
describe.each(DB_KINDS)("faults: delivery guarantees (%s)", (kind: DbKindUnderTest) => {
  let database: TestDatabase | undefined;
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await server?.dispose();
    await database?.dispose();
  });

  async function start(): Promise<{ ana: TestClient; ben: TestClient }> {
    database = kind === "sqlite" ? tempSqlite() : await tempPostgres();
    server = new ServerProcess(serverEnvFor(database.options));
    const url = await server.start();
    const ana = new TestClient(url);
    const ben = new TestClient(url);
    await ana.signUp("ana");
    await ben.signUp("ben");
    return { ana, ben };
  }

  it("faults: one clientId sent 10 times at once, after a reconnect and after kill -9, is one message", async () => {
    let { ana } = await start();
    const room = await ana.createRoom();
    const clientId = randomUUID();
    const frame = { type: "message.send", roomId: room.id, clientId, body: "exactly once" };
    const first = await ana.connect();
    await first.sync([]);
    for (let i = 0; i < 10; i++) first.send(frame);
    const ackIds = () => first.frames.filter(isFrame("message.ack")).map((f) => f.message.id);
    await first.waitFor(
      (f): f is Extract<typeof f, { type: "message.ack" }> =>
        f.type === "message.ack" && ackIds().length >= 10,
    );
    const original = ackIds()[0];
    expect(new Set(ackIds())).toEqual(new Set([original]));
    first.close();

    const second = await ana.connect();
    await second.sync([]);
    second.send(frame);
    expect((await second.waitFor(isFrame("message.ack"))).message.id).toBe(original);
    second.close();

    await server?.crash();
    const url = (await server?.start()) ?? "";
    ana = new TestClient(url).withCookie(ana.cookie);
    const third = await ana.connect();
    await third.sync([]);
    third.send(frame);
    const ack = await third.waitFor(isFrame("message.ack"));
    expect(ack).toMatchObject({ duplicate: true, message: { id: original, seq: 1 } });
    third.close();
    expect((await ana.history(room.id)).messages.map((m) => m.clientId)).toEqual([clientId]);
  });

  it("faults: a subscriber away during 500 sends resumes with no gap, no duplicate, in database order", async () => {
    const { ana, ben } = await start();
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
    // Away while 500 more are sent by two writers at once.
    const writer = async (from: number, to: number) => {
      for (let i = from; i < to; i++) await send(i);
    };
    await Promise.all([writer(100, 350), writer(350, 600)]);
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
