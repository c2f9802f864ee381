import { randomUUID } from "node:crypto";
import { CLOSE_CODES, type Message, SOCKET_PATH } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { loadConfig } from "../config";
import { isFrame, TestClient } from "../testing/test-client";
import { startTestServer, type TestServer } from "../testing/test-server";

// These limits are properties of the socket layer, not of the database: SQLite only.
describe("realtime limits", () => {
  let server: TestServer;
  let ana: TestClient;
  let ben: TestClient;
  beforeAll(async () => {
    const defaults = loadConfig({ NODE_ENV: "test" });
    server = await startTestServer("sqlite", {
      realtime: { ...defaults.realtime, maxBufferedBytes: 256 * 1024 },
    });
    ana = new TestClient(server.url);
    ben = new TestClient(server.url);
    await ana.signUp("ana");
    await ben.signUp("ben");
  });
  afterAll(() => server?.close());

  it("realtime: a peer that stops answering pings is dropped within two heartbeats", async () => {
    const defaults = loadConfig({ NODE_ENV: "test" });
    const fast = await startTestServer("sqlite", { realtime: { ...defaults.realtime, heartbeatMs: 150 } });
    const carl = new TestClient(fast.url);
    await carl.signUp("carl");
    const url = fast.url.replace(/^http/, "ws") + SOCKET_PATH;
    const silent = new WebSocket(url, { headers: { cookie: carl.cookie ?? "" }, autoPong: false });
    const answering = new WebSocket(url, { headers: { cookie: carl.cookie ?? "" } });
    await Promise.all([silent, answering].map((s) => new Promise((r) => s.once("open", r))));
    const started = Date.now();
    const code = await new Promise<number>((r) => silent.once("close", (c) => r(c)));
    expect(code).toBe(1006); // terminated, no closing handshake
    expect(Date.now() - started).toBeLessThan(150 * 2 + 500);
    expect(answering.readyState).toBe(WebSocket.OPEN);
    answering.close();
    await fast.close();
  });

  it("realtime: a consumer that never reads is closed with TOO_SLOW, then catches up from its cursor", async () => {
    const room = await ana.createRoom();
    await ben.join(room.id);
    const slow = await ben.connect();
    await slow.sync([{ roomId: room.id, afterSeq: 0 }]);
    slow.ws.pause(); // stop reading from the TCP socket
    // 300 messages of ~16 KB (4,000 four-byte emoji): far more than the buffer bound plus
    // what the kernel's socket buffers absorb.
    const body = "😀".repeat(4000);
    const author = { id: ana.user?.id ?? "", displayName: "ana" };
    for (let i = 0; i < 300; i++) {
      await server.app.ctx.sends.submit(author, room.id, { clientId: randomUUID(), body });
    }
    slow.ws.resume();
    const { code } = await slow.closed;
    expect(code).toBe(CLOSE_CODES.TOO_SLOW);
    const got = slow.messages(room.id);
    expect(got.length).toBeLessThan(300);
    const last = got.at(-1)?.seq ?? 0;
    expect(got.map((m) => m.seq)).toEqual(Array.from({ length: last }, (_, i) => i + 1));

    // Reconnecting from its cursor, the catch-up is paced by the socket and completes.
    const again = await ben.connect();
    await again.sync([{ roomId: room.id, afterSeq: last }]);
    const rest: Message[] = again.messages(room.id);
    expect(rest.map((m) => m.seq)).toEqual(Array.from({ length: 300 - last }, (_, i) => last + i + 1));
    again.close();
  });

  it("realtime: shutdown acks the sends already in progress before closing sockets", async () => {
    const room = await ana.createRoom();
    const a = await ana.connect();
    await a.sync([]);
    const ids = Array.from({ length: 20 }, () => randomUUID());
    for (const clientId of ids)
      a.send({ type: "message.send", roomId: room.id, clientId, body: `in flight ${clientId}` });
    // Wait for the first ack so the sends are being processed, then shut down.
    await a.waitFor(isFrame("message.ack"));
    const closed = a.closed;
    server = await server.restart();
    expect((await closed).code).toBe(CLOSE_CODES.SERVER_RESTART);
    const acked = a.frames.filter(isFrame("message.ack")).map((f) => f.clientId);
    ana = new TestClient(server.url).withCookie(ana.cookie);
    const stored = (await ana.history(room.id)).messages.map((m) => m.clientId);
    // Every ack corresponds to a stored message; nothing stored twice.
    for (const id of acked) expect(stored).toContain(id);
    expect(new Set(stored).size).toBe(stored.length);
  });
});
