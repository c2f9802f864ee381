import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFrame, type TestClient } from "../../testing/test-client";
import { DB_KINDS, startWithPeople, type TestServer } from "../../testing/test-server";
import { recordReceipts } from "./record-receipt";

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

  it("receipts: a burst of receipts is recorded for everyone and tells each author once", async () => {
    const room = await ana.createRoom();
    await ben.join(room.id);
    await carl.join(room.id);
    await ana.send(room.id, "from ana");
    await ben.send(room.id, "from ben");
    const a = await ana.connect();
    await a.sync([{ roomId: room.id, afterSeq: 2 }]);
    const b = await ben.connect();
    await b.sync([{ roomId: room.id, afterSeq: 2 }]);
    const [anaId, benId, carlId] = [ana, ben, carl].map((p) => p.user?.id ?? "");
    // As a burst reaches the writer: Ben's and Carl's devices, in one batch.
    await recordReceipts(server.app.ctx, [
      { userId: benId ?? "", roomId: room.id, seq: 2 },
      { userId: carlId ?? "", roomId: room.id, seq: 2 },
    ]);
    await a.waitFor(isFrame("delivered"));
    await b.waitFor(isFrame("delivered"));
    await new Promise((r) => setTimeout(r, 150));
    // Ana's message reached Ben and Carl: one frame, not one per receipt. Ben's reached Carl.
    expect(a.frames.filter(isFrame("delivered"))).toEqual([{ type: "delivered", roomId: room.id, seq: 2 }]);
    expect(b.frames.filter(isFrame("delivered"))).toEqual([{ type: "delivered", roomId: room.id, seq: 2 }]);
    const rows = await server.app.ctx.db
      .selectFrom("room_members")
      .select(["user_id", "received_seq"])
      .where("room_id", "=", room.id)
      .execute();
    const received = new Map(rows.map((r) => [r.user_id, Number(r.received_seq)]));
    expect([received.get(anaId ?? ""), received.get(benId ?? ""), received.get(carlId ?? "")]).toEqual([
      0, 2, 2,
    ]);
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
