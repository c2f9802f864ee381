import { randomUUID } from "node:crypto";
import { type TestDatabase, tempSqlite } from "@parley/db/testing";
import { CLIENT_FRAME } from "@parley/protocol";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { ServerProcess, serverEnvFor } from "../testing/server-process";
import { isFrame, TestClient } from "../testing/test-client";

/** Frames shaped like ours but with every field possibly wrong, plus arbitrary JSON and text. */
const hostileFrame = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  fc
    .record(
      {
        type: fc.oneof(fc.constantFrom(CLIENT_FRAME.SEND, CLIENT_FRAME.SYNC, "", "error"), fc.string()),
        roomId: fc.oneof(fc.uuid(), fc.string(), fc.integer()),
        clientId: fc.oneof(fc.string({ maxLength: 80 }), fc.integer(), fc.constant(null)),
        body: fc.oneof(fc.string({ maxLength: 300 }), fc.constant(""), fc.integer(), fc.array(fc.string())),
        cursors: fc.oneof(
          fc.array(
            fc.record({
              roomId: fc.oneof(fc.uuid(), fc.string()),
              afterSeq: fc.oneof(fc.integer(), fc.double()),
            }),
          ),
          fc.string(),
        ),
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o)),
);

describe("faults: hostile frames", () => {
  let database: TestDatabase | undefined;
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await server?.dispose();
    await database?.dispose();
  });

  async function start(env: Record<string, string>): Promise<[TestClient, TestClient]> {
    database = tempSqlite();
    server = new ServerProcess({ ...serverEnvFor(database.options), ...env });
    const url = await server.start();
    const ana = new TestClient(url);
    const ben = new TestClient(url);
    await ana.signUp("ana");
    await ben.signUp("ben");
    return [ana, ben];
  }

  it("faults: arbitrary frames get typed answers, never crash the server or disturb others (fuzz)", async () => {
    const [ana, ben] = await start({ FRAME_BURST: "100000", FRAMES_PER_SECOND: "100000" });
    const room = await ana.createRoom();
    await ben.join(room.id);
    const fuzzer = await ana.connect();
    await fuzzer.sync([]);
    const samples = fc.sample(hostileFrame, { numRuns: 400, seed: 20261124 });
    for (const raw of samples) fuzzer.sendRaw(raw);
    // Frames are handled in order: once a marker send is acked, every fuzz frame was answered.
    const marker = randomUUID();
    fuzzer.send({ type: "message.send", roomId: room.id, clientId: marker, body: "marker" });
    await fuzzer.waitFor(
      (f): f is Extract<typeof f, { type: "message.ack" }> =>
        f.type === "message.ack" && f.clientId === marker,
      10_000,
    );
    expect(fuzzer.ws.readyState).toBe(fuzzer.ws.OPEN);
    const codes = new Set(fuzzer.frames.flatMap((f) => (f.type === "error" ? [f.error.code] : [])));
    for (const code of codes) {
      expect(["VALIDATION_FAILED", "MESSAGE_TOO_LONG", "ROOM_NOT_FOUND", "NOT_A_MEMBER"]).toContain(code);
    }
    expect(codes.has("VALIDATION_FAILED")).toBe(true);
    // Another member is unaffected: chat still flows.
    const b = await ben.connect();
    await b.sync([{ roomId: room.id, afterSeq: 0 }]);
    await ana.send(room.id, "still working");
    await b.waitFor(
      (f): f is Extract<typeof f, { type: "message.new" }> =>
        f.type === "message.new" && f.message.body === "still working",
    );
    b.close();
    fuzzer.close();
  });

  it("faults: a flood is refused with RATE_LIMITED (with clientId and retry time); the socket and server stay up", async () => {
    const [ana] = await start({ FRAME_BURST: "20", FRAMES_PER_SECOND: "5" });
    const room = await ana.createRoom();
    const a = await ana.connect();
    await a.waitFor(isFrame("ready"));
    const ids: string[] = Array.from({ length: 60 }, () => randomUUID());
    for (const clientId of ids)
      a.send({ type: "message.send", roomId: room.id, clientId, body: `flood ${clientId}` });
    await a.waitFor(
      (f): f is Extract<typeof f, { type: "error" }> => f.type === "error" && f.error.code === "RATE_LIMITED",
    );
    await new Promise((r) => setTimeout(r, 300));
    const acks = a.frames.filter(isFrame("message.ack"));
    const limited = a.frames.filter(isFrame("error")).filter((f) => f.error.code === "RATE_LIMITED");
    expect(acks.length).toBeGreaterThanOrEqual(20);
    expect(acks.length).toBeLessThan(60);
    expect(acks.length + limited.length).toBe(60);
    expect(
      limited.every((f) => f.clientId && ids.includes(f.clientId) && (f.retryAfterSeconds ?? 0) >= 1),
    ).toBe(true);
    // Refused sends were not stored.
    expect((await ana.history(room.id, "?limit=200")).messages).toHaveLength(acks.length);
    expect(a.ws.readyState).toBe(a.ws.OPEN);
    expect((await ana.request("GET", "/api/health")).status).toBe(200);
    a.close();
  });
});
