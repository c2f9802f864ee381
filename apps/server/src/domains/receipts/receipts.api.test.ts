import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFrame, type TestClient } from "../../testing/test-client";
import { DB_KINDS, startWithPeople, type TestServer } from "../../testing/test-server";

describe.each(DB_KINDS)("delivery receipts (%s)", (kind) => {
  let server: TestServer;
  let ana: TestClient;
  let ben: TestClient;
  let carl: TestClient;
  beforeAll(async () => {
    ({
      server,
      people: [ana, ben, carl],
    } = await startWithPeople(kind, ["ana", "ben", "carl"]));
  });
  afterAll(() => server?.close());

  it("receipts: the author hears 'delivered' when another member's device receives the message", async () => {
    const room = await ana.createRoom();
    await ben.join(room.id);
    const a = await ana.connect();
    await a.sync([{ roomId: room.id, afterSeq: 0 }]);
    const b = await ben.connect();
    await b.sync([{ roomId: room.id, afterSeq: 0 }]);
    await ana.send(room.id, "one");
    await ana.send(room.id, "two");
    await b.waitFor(
      (f): f is Extract<typeof f, { type: "message.new" }> => f.type === "message.new" && f.message.seq === 2,
    );
    b.send({ type: "receipt", roomId: room.id, seq: 2 });
    expect(await a.waitFor(isFrame("delivered"))).toMatchObject({ roomId: room.id, seq: 2 });
    // Ben's own receipt is not news to Ben.
    await new Promise((r) => setTimeout(r, 150));
    expect(b.frames.some((f) => f.type === "delivered")).toBe(false);
    a.close();
    b.close();
  });

  it("receipts: repeated, stale or future receipts change nothing; a sync reports the watermark", async () => {
    const room = await ana.createRoom();
    await ben.join(room.id);
    for (let i = 0; i < 3; i++) await ana.send(room.id, `m${i}`);
    const b = await ben.connect();
    await b.sync([{ roomId: room.id, afterSeq: 0 }]);
    b.send({ type: "receipt", roomId: room.id, seq: 99 }); // capped at the room's last seq (3)
    b.send({ type: "receipt", roomId: room.id, seq: 1 }); // stale: ignored
    await new Promise((r) => setTimeout(r, 200));
    const a = await ana.connect();
    await a.sync([{ roomId: room.id, afterSeq: 3 }]);
    expect(a.frames.filter(isFrame("delivered"))).toEqual([{ type: "delivered", roomId: room.id, seq: 3 }]);
    a.close();
    b.close();
  });

  it("receipts: a non-member's receipt is refused and recorded nowhere", async () => {
    const room = await ana.createRoom();
    await ana.send(room.id, "private-ish");
    const c = await carl.connect();
    await c.sync([]);
    c.send({ type: "receipt", roomId: room.id, seq: 1 });
    expect((await c.waitFor(isFrame("error"))).error.code).toBe("NOT_A_MEMBER");
    const from = c.frames.length;
    c.send({ type: "receipt", roomId: randomUUID(), seq: 1 });
    expect((await c.waitFor(isFrame("error"), 5000, from)).error.code).toBe("ROOM_NOT_FOUND");
    c.close();
  });
});
