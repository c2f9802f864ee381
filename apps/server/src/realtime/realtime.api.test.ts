import { randomUUID } from "node:crypto";
import { CLOSE_CODES, type Message, RESUME_MAX_MESSAGES, SOCKET_PATH } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { isFrame, TestClient } from "../testing/test-client";
import { DB_KINDS, startWithPeople, type TestServer } from "../testing/test-server";

const seqs = (messages: Message[]) => messages.map((m) => m.seq);

describe.each(DB_KINDS)("realtime socket (%s)", (kind) => {
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

  it("realtime: a sent message reaches every member's socket at once, and the sender gets an ack", async () => {
    const room = await ana.createRoom();
    await ben.join(room.id);
    const a = await ana.connect();
    const b = await ben.connect();
    await a.sync([{ roomId: room.id, afterSeq: 0 }]);
    await b.sync([{ roomId: room.id, afterSeq: 0 }]);
    const clientId = randomUUID();
    a.send({ type: "message.send", roomId: room.id, clientId, body: "hello ben" });
    const ack = await a.waitFor(isFrame("message.ack"));
    expect(ack).toMatchObject({ clientId, duplicate: false, message: { seq: 1, body: "hello ben" } });
    const got = await b.waitFor(isFrame("message.new"));
    expect(got.message).toMatchObject({ id: ack.message.id, seq: 1, author: { displayName: "ana" } });
    a.close();
    b.close();
  });

  it("realtime: resume after reconnect returns exactly the missed messages, then live ones, in order", async () => {
    const room = await ana.createRoom();
    await ben.join(room.id);
    for (let i = 1; i <= 3; i++) await ana.send(room.id, `seen ${i}`);
    // Ben saw up to seq 3, then went offline while 4 more arrived.
    for (let i = 4; i <= 7; i++) await ana.send(room.id, `missed ${i}`);
    const b = await ben.connect();
    await b.sync([{ roomId: room.id, afterSeq: 3 }]);
    expect(seqs(b.messages(room.id))).toEqual([4, 5, 6, 7]);
    await ana.send(room.id, "live 8");
    await b.waitFor(
      (f): f is Extract<typeof f, { type: "message.new" }> => f.type === "message.new" && f.message.seq === 8,
    );
    expect(seqs(b.messages(room.id))).toEqual([4, 5, 6, 7, 8]);
    b.close();
  });

  it("realtime: messages sent during the catch-up are neither lost nor doubled", async () => {
    const room = await ana.createRoom();
    await ben.join(room.id);
    for (let i = 0; i < 300; i++) await ana.send(room.id, `backlog ${i}`);
    const b = await ben.connect();
    const sending = (async () => {
      for (let i = 0; i < 30; i++) await ana.send(room.id, `during ${i}`);
    })();
    await b.sync([{ roomId: room.id, afterSeq: 0 }]);
    await sending;
    await b.waitFor(
      (f): f is Extract<typeof f, { type: "message.new" }> =>
        f.type === "message.new" && f.message.seq === 330,
    );
    expect(seqs(b.messages(room.id))).toEqual(Array.from({ length: 330 }, (_, i) => i + 1));
    b.close();
  });

  it("realtime: a cursor further behind than the server replays gets room.resync", async () => {
    const room = await ana.createRoom();
    await ben.join(room.id);
    const values = Array.from({ length: RESUME_MAX_MESSAGES + 5 }, (_, i) => ({
      id: randomUUID(),
      room_id: room.id,
      seq: i + 1,
      author_id: ana.user?.id ?? "",
      client_id: randomUUID(),
      body: `bulk ${i}`,
      created_at: new Date().toISOString(),
    }));
    const db = server.app.ctx.db;
    for (let i = 0; i < values.length; i += 200)
      await db
        .insertInto("messages")
        .values(values.slice(i, i + 200))
        .execute();
    await db.updateTable("rooms").set({ last_seq: values.length }).where("id", "=", room.id).execute();
    const b = await ben.connect();
    await b.sync([{ roomId: room.id, afterSeq: 1 }]);
    expect(b.frames.some((f) => f.type === "room.resync" && f.roomId === room.id)).toBe(true);
    expect(b.messages(room.id)).toHaveLength(0);
    b.close();
  });

  it("realtime: sends over the socket are idempotent and errors are typed frames", async () => {
    const room = await ana.createRoom();
    const a = await ana.connect();
    await a.sync([]);
    const clientId = randomUUID();
    for (let i = 0; i < 3; i++) a.send({ type: "message.send", roomId: room.id, clientId, body: "retry me" });
    await a.waitFor(
      (f): f is Extract<typeof f, { type: "message.ack" }> => f.type === "message.ack" && f.duplicate,
    );
    const acks = a.frames.filter(isFrame("message.ack"));
    expect(new Set(acks.map((f) => f.message.id)).size).toBe(1);
    a.sendRaw("{not json");
    const notJson = await a.waitFor(isFrame("error"));
    expect(notJson.error.code).toBe("VALIDATION_FAILED");
    const before = a.frames.length;
    a.send({ type: "message.send", roomId: room.id, clientId: randomUUID(), body: "x".repeat(4001) });
    const tooLong = await a.waitFor(isFrame("error"), 5000, before);
    expect(tooLong.error.code).toBe("MESSAGE_TOO_LONG");
    expect(tooLong.clientId).toBeDefined();
    const before2 = a.frames.length;
    a.send({ type: "no.such.frame" });
    expect((await a.waitFor(isFrame("error"), 5000, before2)).error.code).toBe("VALIDATION_FAILED");
    // The socket survives bad frames.
    a.send({ type: "message.send", roomId: room.id, clientId: randomUUID(), body: "still here" });
    await a.waitFor(
      (f): f is Extract<typeof f, { type: "message.ack" }> =>
        f.type === "message.ack" && f.message.body === "still here",
    );
    a.close();
  });

  it("realtime: a non-member's send is refused and they receive nothing from the room", async () => {
    const room = await ana.createRoom();
    const b = await ben.connect();
    await b.sync([{ roomId: room.id, afterSeq: 0 }]);
    // Not a member: told to drop the room.
    expect(b.frames.some((f) => f.type === "membership" && f.roomId === room.id && !f.joined)).toBe(true);
    b.send({ type: "message.send", roomId: room.id, clientId: randomUUID(), body: "let me in" });
    expect((await b.waitFor(isFrame("error"))).error.code).toBe("NOT_A_MEMBER");
    await ana.send(room.id, "members only");
    await new Promise((r) => setTimeout(r, 200));
    expect(b.messages(room.id)).toHaveLength(0);
    b.close();
  });

  it("realtime: joining and leaving reach the user's other sockets, and leaving stops delivery", async () => {
    const room = await ana.createRoom();
    const b = await ben.connect();
    await b.sync([]);
    await ben.join(room.id);
    const joined = await b.waitFor(isFrame("membership"));
    expect(joined).toMatchObject({ roomId: room.id, joined: true });
    await ana.send(room.id, "welcome");
    expect((await b.waitFor(isFrame("message.new"))).message.body).toBe("welcome");
    await ben.request("POST", `/api/rooms/${room.id}/leave`);
    await b.waitFor(
      (f): f is Extract<typeof f, { type: "membership" }> => f.type === "membership" && !f.joined,
    );
    await ana.send(room.id, "after you left");
    await new Promise((r) => setTimeout(r, 200));
    expect(b.messages(room.id).map((m) => m.body)).toEqual(["welcome"]);
    b.close();
  });

  it("realtime: members of a room hear its member count change when someone joins or leaves", async () => {
    const room = await ana.createRoom();
    const a = await ana.connect();
    await a.sync([{ roomId: room.id, afterSeq: 0 }]);
    await ben.join(room.id);
    expect(await a.waitFor(isFrame("room.members"))).toMatchObject({ roomId: room.id, memberCount: 2 });
    const from = a.frames.length;
    await ben.request("POST", `/api/rooms/${room.id}/leave`);
    expect(await a.waitFor(isFrame("room.members"), 5000, from)).toMatchObject({
      roomId: room.id,
      memberCount: 1,
    });
    a.close();
  });

  it("realtime: no cookie closes with 4401; a foreign Origin is refused at upgrade", async () => {
    const anon = new TestClient(server.url);
    const s = await anon.connect();
    expect((await s.closed).code).toBe(CLOSE_CODES.UNAUTHENTICATED);
    await expect(ana.connect("https://evil.example")).rejects.toThrow(/403/);
  });

  it("realtime: signing out closes that session's sockets with 4401", async () => {
    const carl = new TestClient(server.url);
    await carl.signUp("carl");
    const s = await carl.connect();
    await s.waitFor(isFrame("ready"));
    await carl.request("POST", "/api/auth/logout");
    expect((await s.closed).code).toBe(CLOSE_CODES.UNAUTHENTICATED);
  });

  it("realtime: server shutdown tells clients to reconnect; after restart nothing acked is lost", async () => {
    const room = await ana.createRoom();
    await ben.join(room.id);
    const a = await ana.connect();
    await a.sync([{ roomId: room.id, afterSeq: 0 }]);
    const acked: Message[] = [];
    for (let i = 0; i < 10; i++) {
      const clientId = randomUUID();
      const from = a.frames.length;
      a.send({ type: "message.send", roomId: room.id, clientId, body: `before restart ${i}` });
      acked.push((await a.waitFor(isFrame("message.ack"), 5000, from)).message);
    }
    const closed = a.closed;
    server = await server.restart();
    expect((await closed).code).toBe(CLOSE_CODES.SERVER_RESTART);
    ana = new TestClient(server.url).withCookie(ana.cookie);
    ben = new TestClient(server.url).withCookie(ben.cookie);
    const b = await ben.connect();
    await b.sync([{ roomId: room.id, afterSeq: 0 }]);
    expect(b.messages(room.id).map((m) => m.id)).toEqual(acked.map((m) => m.id));
    b.close();
  });

  it("realtime: a binary or oversized frame does not crash the connection handler", async () => {
    const a = await ana.connect();
    await a.sync([]);
    a.ws.send(Buffer.from([1, 2, 3]));
    expect((await a.waitFor(isFrame("error"))).error.code).toBe("VALIDATION_FAILED");
    const big = new WebSocket(server.url.replace(/^http/, "ws") + SOCKET_PATH, {
      headers: { cookie: ana.cookie ?? "" },
    });
    await new Promise((r) => big.once("open", r));
    big.send("x".repeat(70 * 1024));
    const code = await new Promise<number>((r) => big.once("close", (c) => r(c)));
    expect(code).toBe(1009); // message too big
    a.close();
  });
});
