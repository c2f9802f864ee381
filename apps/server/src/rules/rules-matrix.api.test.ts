import { randomUUID } from "node:crypto";
import { API, ClientFrame, type ServerFrame } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../testing/test-client";
import { startTestServer, type TestServer } from "../testing/test-server";
import { type Action, SOCKET_RULES } from "./rules";

/**
 * The rules matrix: every REST route (read from the router) and every socket operation (read
 * from the protocol's frame schema), tried by every kind of actor, with the outcome written
 * out by hand below — an independent statement of the policy, not a copy of rules.ts. A new
 * route or frame without a row here fails this test.
 */
type ActorKind = "anonymous" | "outsider" | "privateOutsider" | "member" | "owner";
type Outcome = "ok" | 401 | 403 | 404;
const ACTORS: ActorKind[] = ["anonymous", "outsider", "privateOutsider", "member", "owner"];

const everyone = (outcome: Outcome): Record<ActorKind, Outcome> =>
  Object.fromEntries(ACTORS.map((a) => [a, outcome])) as Record<ActorKind, Outcome>;
const signedIn: Record<ActorKind, Outcome> = { ...everyone("ok"), anonymous: 401 };
const seeRoom: Record<ActorKind, Outcome> = { ...signedIn, privateOutsider: 404 };
const membersOnly: Record<ActorKind, Outcome> = { ...seeRoom, outsider: 403 };

const EXPECTED: Record<Action, Record<ActorKind, Outcome>> = {
  "server.health": everyone("ok"),
  "account.signup": everyone("ok"),
  "account.login": everyone("ok"),
  "session.end": everyone("ok"),
  "session.read": signedIn,
  "room.list": signedIn,
  "room.create": signedIn,
  "room.view": seeRoom,
  // A private room is joined by invitation only (a later issue); unseen, it is not found.
  "room.join": seeRoom,
  "room.leave": membersOnly,
  "room.read": membersOnly,
  "room.post": membersOnly,
  "room.receipt": membersOnly,
};

/** A request that passes validation, per route, so only the rules decide the outcome. */
const SAMPLES: Record<string, () => unknown> = {
  "GET /api/health": () => undefined,
  "POST /api/auth/signup": () => ({
    email: `new-${randomUUID()}@example.test`,
    displayName: "New",
    password: "correct horse battery staple",
  }),
  "POST /api/auth/login": () => ({
    email: "login-target@example.test",
    password: "correct horse battery staple",
  }),
  "POST /api/auth/logout": () => ({}),
  "GET /api/me": () => undefined,
  "GET /api/rooms": () => undefined,
  "GET /api/rooms/mine": () => undefined,
  "POST /api/rooms": () => ({ name: "matrix room" }),
  "GET /api/rooms/:roomId": () => undefined,
  "POST /api/rooms/:roomId/join": () => ({}),
  "POST /api/rooms/:roomId/leave": () => ({}),
  "GET /api/rooms/:roomId/messages": () => undefined,
  "POST /api/rooms/:roomId/messages": () => ({ clientId: randomUUID(), body: "hello" }),
};

describe("rules matrix", () => {
  let server: TestServer;
  let host: TestClient;

  beforeAll(async () => {
    server = await startTestServer("sqlite");
    host = new TestClient(server.url);
    await host.signUp("host");
    const target = new TestClient(server.url);
    const res = await target.request("POST", API.signup, {
      email: "login-target@example.test",
      displayName: "Target",
      password: "correct horse battery staple",
    });
    expect(res.status).toBe(201);
  });
  afterAll(() => server?.close());

  /** A fresh actor of the given kind, and a room they stand in that relation to. */
  async function arrange(kind: ActorKind): Promise<{ client: TestClient; roomId: string }> {
    const client = new TestClient(server.url);
    if (kind !== "anonymous") await client.signUp(`${kind}-${randomUUID().slice(0, 6)}`);
    if (kind === "owner") return { client, roomId: (await client.createRoom()).id };
    const room = await host.createRoom();
    if (kind === "member") await client.join(room.id);
    if (kind === "privateOutsider") {
      // Private rooms cannot be made over the API yet (invites come later): flip it in place.
      await server.app.ctx.db
        .updateTable("rooms")
        .set({ visibility: "private" })
        .where("id", "=", room.id)
        .execute();
    }
    return { client, roomId: room.id };
  }

  it("rules: every route has an expected outcome and a sample request", () => {
    expect(server.app.routes.length).toBeGreaterThan(10);
    for (const route of server.app.routes) {
      expect(EXPECTED[route.rule], `no matrix row for ${route.rule}`).toBeDefined();
      expect(
        SAMPLES[`${route.method} ${route.url}`],
        `no sample for ${route.method} ${route.url}`,
      ).toBeDefined();
    }
  });

  it("rules: each route answers each actor as the matrix says", async () => {
    const mismatches: string[] = [];
    for (const route of server.app.routes) {
      for (const actor of ACTORS) {
        const { client, roomId } = await arrange(actor);
        const sample = SAMPLES[`${route.method} ${route.url}`];
        const res = await client.request(route.method, route.url.replace(":roomId", roomId), sample?.());
        const expected = EXPECTED[route.rule][actor];
        const ok = expected === "ok" ? res.status < 400 : res.status === expected;
        if (!ok)
          mismatches.push(
            `${route.method} ${route.url} as ${actor}: expected ${expected}, got ${res.status}`,
          );
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("rules: each socket operation answers each signed-in actor as the matrix says", async () => {
    const frameTypes = ClientFrame.options.map((o) => o.shape.type.value);
    expect(new Set(frameTypes)).toEqual(new Set(Object.keys(SOCKET_RULES)));
    const frameFor = (type: string, roomId: string): unknown => {
      if (type === "sync") return { type, cursors: [{ roomId, afterSeq: 0 }] };
      if (type === "message.send") return { type, roomId, clientId: randomUUID(), body: "hi" };
      if (type === "receipt") return { type, roomId, seq: 0 };
      throw new Error(`no sample frame for ${type}`);
    };
    const mismatches: string[] = [];
    for (const type of frameTypes) {
      for (const actor of ACTORS.filter((a) => a !== "anonymous")) {
        const { client, roomId } = await arrange(actor);
        const socket = await client.connect();
        await socket.waitFor((f): f is Extract<ServerFrame, { type: "ready" }> => f.type === "ready");
        socket.send(frameFor(type, roomId));
        const answered = await socket
          .waitFor(
            (f): f is ServerFrame => f.type === "error" || f.type === "message.ack" || f.type === "sync.done",
            400,
          )
          .catch(() => null);
        const got: Outcome =
          answered?.type === "error"
            ? answered.error.code === "ROOM_NOT_FOUND"
              ? 404
              : answered.error.code === "UNAUTHENTICATED"
                ? 401
                : 403
            : "ok";
        const expected = EXPECTED[SOCKET_RULES[type as keyof typeof SOCKET_RULES]][actor];
        if (got !== expected) mismatches.push(`${type} as ${actor}: expected ${expected}, got ${got}`);
        socket.close();
      }
    }
    expect(mismatches).toEqual([]);
  });
});
