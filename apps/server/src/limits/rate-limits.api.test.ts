import { randomUUID } from "node:crypto";
import { API, type CreateInviteResponse, type Message, type Room, type ServerFrame } from "@parley/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { createMemoryRateLimiter } from "../http/rate-limiter";
import { isFrame, type TestClient, type TestSocket } from "../testing/test-client";
import { DB_KINDS, startWithPeople, type TestServer } from "../testing/test-server";

type ErrorBody = { error: { code: string; message: string } };
type SendAnswer = { message: Message; duplicate: boolean };
type ErrorFrame = Extract<ServerFrame, { type: "error" }>;
type AckFrame = Extract<ServerFrame, { type: "message.ack" }>;

const NETWORK_A = "203.0.113.10";
const NETWORK_B = "198.51.100.20";

const post = (who: TestClient, roomId: string, body: string, clientId: string = randomUUID()) =>
  who.request<SendAnswer & ErrorBody>("POST", API.messages(roomId), { clientId, body });

const ackOf = (socket: TestSocket, clientId: string) =>
  socket.waitFor((f): f is AckFrame => f.type === "message.ack" && f.clientId === clientId);

const errorOf = (socket: TestSocket, clientId: string) =>
  socket.waitFor((f): f is ErrorFrame => f.type === "error" && f.clientId === clientId);

describe.each(DB_KINDS)("limits: per-user and per-IP rate limits (%s)", (kind) => {
  let server: TestServer | undefined;
  const sockets: TestSocket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    await server?.close();
    server = undefined;
  });

  /**
   * A server with the limits the environment `env` gives (defaults otherwise), its limiter on a
   * clock that stands still until a test moves it (a slow machine cannot refill a bucket
   * mid-test), and TRUST_PROXY on so clients can appear to come from different addresses.
   */
  async function start<const Names extends readonly string[]>(
    names: Names,
    env: Record<string, string> = {},
  ) {
    const clock = { t: 1_900_000_000_000 };
    const started = await startWithPeople(
      kind,
      names,
      { rateLimits: loadConfig({ NODE_ENV: "test", ...env }).rateLimits, trustProxy: true },
      { rateLimiter: createMemoryRateLimiter(() => clock.t) },
    );
    server = started.server;
    return { people: started.people, clock };
  }

  async function connect(who: TestClient): Promise<TestSocket> {
    const socket = await who.connect();
    sockets.push(socket);
    await socket.waitFor(isFrame("ready"));
    return socket;
  }

  it("limits: the 31st post within 10 s is refused with 429 and Retry-After, not stored, and takes no number", async () => {
    const {
      people: [ana],
      clock,
    } = await start(["ana"]);
    const room = await ana.createRoom();
    for (let i = 0; i < 30; i++) expect((await post(ana, room.id, `burst ${i}`)).status).toBe(201);

    const refusedId = randomUUID();
    const refused = await post(ana, room.id, "one too many", refusedId);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    // One message's share of the window (10 s / 30) is a third of a second: whole seconds up.
    expect(refused.headers.get("retry-after")).toBe("1");

    const history = await ana.history(room.id, "?limit=50");
    expect(history.messages.map((m) => m.body)).not.toContain("one too many");
    const lastSeq = history.messages.at(-1)?.seq ?? 0;

    // After the wait the same send goes through, with the very next number: none was used up.
    clock.t += 1_000;
    const later = await post(ana, room.id, "one too many", refusedId);
    expect(later.status).toBe(201);
    expect(later.body.message.seq).toBe(lastSeq + 1);
  });

  it("limits: the budget refills at its sustained rate, and a whole window later it is full again, not double", async () => {
    const {
      people: [ana],
      clock,
    } = await start(["ana"]);
    const room = await ana.createRoom();
    for (let i = 0; i < 30; i++) await ana.send(room.id, `burst ${i}`);
    clock.t += 3_400; // ten messages' worth at 3 per second
    for (let i = 0; i < 10; i++) expect((await post(ana, room.id, `paced ${i}`)).status).toBe(201);
    expect((await post(ana, room.id, "eleventh")).status).toBe(429);
    clock.t += 60_000;
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await post(ana, room.id, `again ${i}`)).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(30);
    expect(statuses.at(-1)).toBe(429);
  });

  it("limits: people behind one IP share its budget; another IP, or the same person elsewhere, does not", async () => {
    const {
      people: [ana, ben, cleo],
    } = await start(["ana", "ben", "cleo"], { RATE_POST_IP_PER_10S: "45" });
    const room = await ana.createRoom();
    await ben.join(room.id);
    await cleo.join(room.id);
    ana.from(NETWORK_A);
    ben.from(NETWORK_A);
    cleo.from(NETWORK_B);

    for (let i = 0; i < 30; i++) expect((await post(ana, room.id, `ana ${i}`)).status).toBe(201);
    for (let i = 0; i < 15; i++) expect((await post(ben, room.id, `ben ${i}`)).status).toBe(201);
    // Ben has used half of his own budget, but the address has used all of its own.
    const limited = await post(ben, room.id, "ben over the IP budget");
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);

    expect((await post(cleo, room.id, "cleo elsewhere")).status).toBe(201);
    ben.from(NETWORK_B);
    expect((await post(ben, room.id, "ben from another network")).status).toBe(201);
  });

  it("limits: socket sends get RATE_LIMITED with clientId and retry time, sharing one budget with REST and every tab", async () => {
    const {
      people: [ana],
      clock,
    } = await start(["ana"]);
    const room = await ana.createRoom();
    for (let i = 0; i < 20; i++) await ana.send(room.id, `rest ${i}`);
    const tabs = [await connect(ana), await connect(ana)];
    const ids = Array.from({ length: 10 }, () => randomUUID());
    ids.forEach((clientId, i) => {
      tabs[i % 2]?.send({ type: "message.send", roomId: room.id, clientId, body: `tab ${i}` });
    });
    await Promise.all(ids.map((clientId, i) => ackOf(tabs[i % 2] as TestSocket, clientId)));

    const [tab] = tabs as [TestSocket];
    const refusedId = randomUUID();
    tab.send({ type: "message.send", roomId: room.id, clientId: refusedId, body: "one too many" });
    const refused = await errorOf(tab, refusedId);
    expect(refused.error.code).toBe("RATE_LIMITED");
    expect(refused.retryAfterSeconds).toBe(1);
    expect((await post(ana, room.id, "and over REST")).status).toBe(429);
    const stored = (await ana.history(room.id, "?limit=50")).messages;
    expect(stored.filter((m) => /^(rest|tab) /.test(m.body))).toHaveLength(30);

    // The client resends after the wait, with the same clientId, as the web app does.
    clock.t += 1_000;
    tab.send({ type: "message.send", roomId: room.id, clientId: refusedId, body: "one too many" });
    const ack = await ackOf(tab, refusedId);
    expect(ack.duplicate).toBe(false);
    expect(ack.message.seq).toBe((stored.at(-1)?.seq ?? 0) + 1);
  });

  it("limits: a socket's sends count against its connection's IP (from the upgrade request)", async () => {
    const {
      people: [ana, ben],
    } = await start(["ana", "ben"], { RATE_POST_IP_PER_10S: "40" });
    const room = await ana.createRoom();
    await ben.join(room.id);
    ana.from(NETWORK_A);
    ben.from(NETWORK_A);
    const socket = await connect(ana);
    const ids = Array.from({ length: 30 }, () => randomUUID());
    for (const clientId of ids)
      socket.send({ type: "message.send", roomId: room.id, clientId, body: clientId });
    await Promise.all(ids.map((clientId) => ackOf(socket, clientId)));
    for (let i = 0; i < 10; i++) expect((await post(ben, room.id, `ben ${i}`)).status).toBe(201);
    expect((await post(ben, room.id, "over the shared address's budget")).status).toBe(429);
  });

  it("limits: a retry of a stored message is answered even over the limit, and retries cost nothing", async () => {
    const {
      people: [ana],
      clock,
    } = await start(["ana"]);
    const room = await ana.createRoom();
    const ids = Array.from({ length: 30 }, () => randomUUID());
    const originals: Message[] = [];
    for (const [i, clientId] of ids.entries()) originals.push(await ana.send(room.id, `m ${i}`, clientId));
    expect((await post(ana, room.id, "fresh")).status).toBe(429);

    // Over the limit: the retried clientIds still get their original acks, over REST and socket.
    const again = await post(ana, room.id, "m 0", ids[0]);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      duplicate: true,
      message: { id: originals[0]?.id, seq: originals[0]?.seq },
    });
    const socket = await connect(ana);
    socket.send({ type: "message.send", roomId: room.id, clientId: ids[1], body: "m 1" });
    const ack = await ackOf(socket, ids[1] as string);
    expect(ack).toMatchObject({ duplicate: true, message: { id: originals[1]?.id } });

    // Under the limit, retries give their unit back: a full budget is still full after them.
    clock.t += 10_000;
    for (const [i, clientId] of ids.entries())
      expect((await post(ana, room.id, `m ${i}`, clientId)).status).toBe(200);
    for (let i = 0; i < 30; i++) expect((await post(ana, room.id, `new ${i}`)).status).toBe(201);
    expect((await post(ana, room.id, "new 30")).status).toBe(429);
  });

  it("limits: joining a room, accepting an invite and opening a conversation share the join budget", async () => {
    const {
      people: [ana, ben, cleo],
      clock,
    } = await start(["ana", "ben", "cleo"], { RATE_JOIN_USER_PER_MIN: "3", RATE_JOIN_IP_PER_MIN: "5" });
    const rooms: Room[] = [];
    for (let i = 0; i < 4; i++) rooms.push(await ana.createRoom());
    const secret = await ana.request<{ room: Room }>("POST", API.rooms, {
      name: "secret",
      visibility: "private",
    });
    const link = await ana.request<CreateInviteResponse>("POST", API.invites(secret.body.room.id), {});
    expect(link.status).toBe(201);
    const [r1, r2, r3, r4] = rooms as [Room, Room, Room, Room];
    ben.from(NETWORK_A);
    cleo.from(NETWORK_A);

    expect((await ben.request("POST", API.joinRoom(r1.id))).status).toBe(200);
    expect((await ben.request("POST", API.acceptInvitation(link.body.code))).status).toBe(200);
    expect((await ben.request("POST", API.conversations, { userIds: [ana.user?.id] })).status).toBe(201);
    const refused = await ben.request<ErrorBody>("POST", API.joinRoom(r2.id));
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    expect(refused.headers.get("retry-after")).toBe("20"); // one join's share of a minute
    const mine = await ben.request<{ rooms: Room[] }>("GET", API.myRooms);
    expect(mine.body.rooms.map((r) => r.id)).not.toContain(r2.id);
    expect((await ben.request("POST", API.conversations, { userIds: [cleo.user?.id] })).status).toBe(429);

    // Cleo, on Ben's network, has her own budget but shares the address's five.
    expect((await cleo.request("POST", API.joinRoom(r2.id))).status).toBe(200);
    expect((await cleo.request("POST", API.joinRoom(r3.id))).status).toBe(200);
    expect((await cleo.request("POST", API.joinRoom(r4.id))).status).toBe(429);

    clock.t += 20_000;
    expect((await ben.request("POST", API.joinRoom(r2.id))).status).toBe(200);
  });

  it("limits: creating invite links and adding people share the invite budget", async () => {
    const {
      people: [ana, ben, cleo],
      clock,
    } = await start(["ana", "ben", "cleo"], { RATE_INVITE_USER_PER_HOUR: "2" });
    const secret = await ana.request<{ room: Room }>("POST", API.rooms, {
      name: "secret",
      visibility: "private",
    });
    const roomId = secret.body.room.id;
    expect((await ana.request("POST", API.invites(roomId), {})).status).toBe(201);
    expect((await ana.request("POST", API.members(roomId), { userId: ben.user?.id })).status).toBe(200);

    const refused = await ana.request<ErrorBody>("POST", API.invites(roomId), {});
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    expect(refused.headers.get("retry-after")).toBe("1800"); // half an hour: one of two per hour
    expect((await ana.request("POST", API.members(roomId), { userId: cleo.user?.id })).status).toBe(429);
    const invites = await ana.request<{ invites: unknown[] }>("GET", API.invites(roomId));
    expect(invites.body.invites).toHaveLength(1);

    clock.t += 30 * 60_000;
    expect((await ana.request("POST", API.members(roomId), { userId: cleo.user?.id })).status).toBe(200);
  });
});
