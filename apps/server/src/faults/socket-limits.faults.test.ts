import { randomUUID } from "node:crypto";
import { type TestDatabase, tempSqlite } from "@parley/db/testing";
import { CLOSE_CODES, type Message, SOCKET_PATH } from "@parley/protocol";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { ServerProcess, serverEnvFor } from "../testing/server-process";
import { isFrame, TestClient } from "../testing/test-client";

// Socket limits are properties of the connection layer, not of the database: SQLite only,
// against the real server process with small limits set through its environment.
describe("faults: socket limits", () => {
  let database: TestDatabase | undefined;
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await server?.dispose();
    await database?.dispose();
  });

  async function start(env: Record<string, string>, names: string[]): Promise<TestClient[]> {
    database = tempSqlite();
    server = new ServerProcess({ ...serverEnvFor(database.options), ...env });
    const url = await server.start();
    const people = names.map(() => new TestClient(url));
    for (const [i, person] of people.entries()) await person.signUp(names[i]);
    return people;
  }

  it("faults: a peer that stops answering pings is dropped within two heartbeats", async () => {
    const [carl] = await start({ HEARTBEAT_MS: "150" }, ["carl"]);
    const url = `${carl?.baseUrl.replace(/^http/, "ws")}${SOCKET_PATH}`;
    const silent = new WebSocket(url, { headers: { cookie: carl?.cookie ?? "" }, autoPong: false });
    const answering = new WebSocket(url, { headers: { cookie: carl?.cookie ?? "" } });
    await Promise.all([silent, answering].map((s) => new Promise((r) => s.once("open", r))));
    const started = Date.now();
    const code = await new Promise<number>((r) => silent.once("close", (c) => r(c)));
    expect(code).toBe(1006); // terminated, no closing handshake
    expect(Date.now() - started).toBeLessThan(150 * 2 + 500);
    expect(answering.readyState).toBe(WebSocket.OPEN);
    answering.close();
  });

  it("faults: a consumer that never reads is closed with TOO_SLOW, then catches up from its cursor", async () => {
    const [ana, ben] = await start({ SOCKET_BUFFER_BYTES: String(256 * 1024) }, ["ana", "ben"]);
    if (!ana || !ben) throw new Error("people missing");
    const room = await ana.createRoom();
    await ben.join(room.id);
    const slow = await ben.connect();
    await slow.sync([{ roomId: room.id, afterSeq: 0 }]);
    slow.ws.pause(); // stop reading from the TCP socket
    // 300 messages of ~16 KB (4,000 four-byte emoji): far more than the buffer bound plus
    // what the kernel's socket buffers absorb.
    const body = "😀".repeat(4000);
    await Promise.all(
      Array.from({ length: 4 }, async (_, w) => {
        for (let i = w; i < 300; i += 4) await ana.send(room.id, body, `big-${i}-${randomUUID()}`);
      }),
    );
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

  it("faults: SIGTERM acks the sends already in progress before closing sockets", async () => {
    let [ana] = await start({}, ["ana"]);
    if (!ana) throw new Error("people missing");
    const room = await ana.createRoom();
    const a = await ana.connect();
    await a.sync([]);
    const ids = Array.from({ length: 20 }, () => randomUUID());
    for (const clientId of ids)
      a.send({ type: "message.send", roomId: room.id, clientId, body: `in flight ${clientId}` });
    await a.waitFor(isFrame("message.ack"));
    const closed = a.closed;
    const url = (await server?.restart()) ?? "";
    expect((await closed).code).toBe(CLOSE_CODES.SERVER_RESTART);
    const acked = a.frames.filter(isFrame("message.ack")).map((f) => f.clientId);
    ana = new TestClient(url).withCookie(ana.cookie);
    const stored = (await ana.history(room.id)).messages.map((m) => m.clientId);
    // Every ack corresponds to a stored message; nothing stored twice.
    for (const id of acked) expect(stored).toContain(id);
    expect(new Set(stored).size).toBe(stored.length);
  });
});
