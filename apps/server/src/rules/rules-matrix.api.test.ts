import { randomUUID } from "node:crypto";
import {
  API,
  CLOSE_CODES,
  ClientFrame,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  type ProfileResponse,
  type ServerFrame,
} from "@parley/protocol";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../domains/accounts/password";
import { hashToken } from "../domains/accounts/sessions";
import { deactivateUser } from "../domains/admin/deactivate-user";
import { postFile } from "../domains/attachments/test-uploads";
import { issueEmailToken } from "../domains/email/email-tokens";
import { hashInviteCode } from "../domains/invites/invite-codes";
import { TestClient } from "../testing/test-client";
import { seedPerson, startTestServer, type TestServer } from "../testing/test-server";
import { type Action, SOCKET_RULES } from "./rules";

/**
 * The rules matrix: every REST route (read from the router) and every socket operation (read
 * from the protocol's frame schema), tried by every kind of actor, with the outcome written
 * out by hand below — an independent statement of the policy, not a copy of rules.ts. A new
 * route or frame without a row here fails this test.
 */
type ActorKind =
  | "anonymous"
  | "outsider"
  | "privateOutsider"
  | "banned"
  | "kicked"
  | "member"
  | "muted"
  | "moderator"
  | "admin"
  | "owner"
  | "serverAdmin"
  | "deactivated";
type Outcome = "ok" | 401 | 403 | 404;
const ACTORS: ActorKind[] = [
  "anonymous",
  "outsider",
  "privateOutsider",
  "banned",
  "kicked",
  "member",
  "muted",
  "moderator",
  "admin",
  "owner",
  "serverAdmin",
  "deactivated",
];

const everyone = (outcome: Outcome): Record<ActorKind, Outcome> =>
  Object.fromEntries(ACTORS.map((a) => [a, outcome])) as Record<ActorKind, Outcome>;
const everyoneSignedIn = (outcome: Outcome): Partial<Record<ActorKind, Outcome>> =>
  Object.fromEntries(ACTORS.filter((a) => a !== "anonymous" && a !== "deactivated").map((a) => [a, outcome]));
/** A deactivated account's sessions are gone: it is anonymous from then on. */
const signedIn: Record<ActorKind, Outcome> = { ...everyone("ok"), anonymous: 401, deactivated: 401 };
/** Anyone signed in may see a public room; a private one is "not found" to outsiders. */
const seeRoom: Record<ActorKind, Outcome> = { ...signedIn, privateOutsider: 404 };
/** A server administrator who is not in the room is an outsider there. */
const membersOnly: Record<ActorKind, Outcome> = {
  ...seeRoom,
  outsider: 403,
  banned: 403,
  kicked: 403,
  serverAdmin: 403,
};
const serverAdminsOnly: Record<ActorKind, Outcome> = {
  ...signedIn,
  ...everyoneSignedIn(403),
  serverAdmin: "ok",
};
const moderatorsOnly: Record<ActorKind, Outcome> = { ...membersOnly, member: 403, muted: 403 };
const adminsOnly: Record<ActorKind, Outcome> = { ...moderatorsOnly, moderator: 403 };

const EXPECTED: Record<Action, Record<ActorKind, Outcome>> = {
  "server.health": everyone("ok"),
  "csp.report": everyone("ok"),
  "account.signup": everyone("ok"),
  "account.login": everyone("ok"),
  "account.oidc.providers": everyone("ok"),
  "account.oidc.start": everyone("ok"),
  "account.oidc.callback": everyone("ok"),
  "session.end": everyone("ok"),
  // The emailed token is the credential: anyone holding a valid one may use it.
  "account.password.reset_request": everyone("ok"),
  "account.password.reset": everyone("ok"),
  "account.email.verify": everyone("ok"),
  "account.security": signedIn,
  "sessions.manage": signedIn,
  "session.read": signedIn,
  "room.list": signedIn,
  "room.create": signedIn,
  "room.view": seeRoom,
  "room.members.list": seeRoom,
  // A private room is joined by invitation only; unseen, it is not found. A ban bars rejoining.
  "room.join": { ...seeRoom, banned: 403 },
  "room.leave": membersOnly,
  "room.read": membersOnly,
  "room.receipt": membersOnly,
  "room.mark_read": membersOnly,
  "room.receipts.read": membersOnly,
  "room.notify.set": membersOnly,
  "rooms.read_state": signedIn,
  "notifications.own": signedIn,
  "search.messages": signedIn,
  "server.jobs.list": serverAdminsOnly,
  "server.jobs.retry": serverAdminsOnly,
  "room.post": { ...membersOnly, muted: 403 },
  // Here on someone else's message (own messages: messages.api.test.ts).
  "message.delete": moderatorsOnly,
  // Only its author edits a message, whatever the rank; moderators see its earlier texts.
  "message.edit": { ...moderatorsOnly, moderator: 403, admin: 403, owner: 403 },
  "message.history": moderatorsOnly,
  "message.react": { ...membersOnly, muted: 403 },
  // A thread: read, followed and marked read by any member, muted or not (replying is posting).
  "thread.read": membersOnly,
  "thread.follow": membersOnly,
  "thread.mark_read": membersOnly,
  "threads.own": signedIn,
  "room.kick": moderatorsOnly,
  "room.ban": moderatorsOnly,
  "room.mute": moderatorsOnly,
  "room.unban": moderatorsOnly,
  "room.bans.list": moderatorsOnly,
  "room.role.change": adminsOnly,
  "room.audit.read": adminsOnly,
  "room.manage": adminsOnly,
  "room.delete": { ...adminsOnly, admin: 403 },
  "room.members.add": membersOnly,
  "room.invites.manage": moderatorsOnly,
  "users.search": signedIn,
  "conversation.open": signedIn,
  "profiles.read": signedIn,
  "profile.update": signedIn,
  "media.avatar.read": signedIn,
  "attachment.upload": { ...membersOnly, muted: 403 },
  // A message's file: members only, and to everyone else it does not exist.
  "attachment.read": { ...seeRoom, outsider: 404, banned: 404, kicked: 404, serverAdmin: 404 },
  "server.users.list": serverAdminsOnly,
  "server.users.deactivate": serverAdminsOnly,
  "server.rooms.list": serverAdminsOnly,
  // Holding a valid link opens even a private room; a ban still bars.
  "invite.use": { ...signedIn, banned: 403 },
  "room.join.invited": { ...signedIn, banned: 403 },
  // Typing is posting's shadow: members who may post, muted ones not (slow mode aside).
  "room.typing": { ...membersOnly, muted: 403 },
  "presence.report": signedIn,
  "presence.watch": signedIn,
  "push.own": signedIn,
  "server.push.list": serverAdminsOnly,
  // A service worker's receipt: its token authenticates it, not a session.
  "push.receipt": everyone("ok"),
};

/** An image for the avatar upload: the one route whose body is raw bytes, not JSON. */
const AVATAR_PNG = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#5b45e0" } })
  .png()
  .toBuffer();

/** Routes whose request or answer is bytes, not JSON: they go through sendBytes. */
const BYTE_ROUTES = new Set([
  "PUT /api/me/avatar",
  "PUT /api/rooms/:roomId/avatar",
  "GET /api/media/avatars/:file",
  "POST /api/rooms/:roomId/uploads",
  "GET /api/rooms/:roomId/attachments/:attachmentId/file/:name",
  "GET /api/rooms/:roomId/attachments/:attachmentId/thumb",
]);

/**
 * Browser navigations that answer a redirect (OpenID sign-in): not followed, so the status
 * seen is the route's own — a 302 means the rule let the request through to the handler.
 */
const REDIRECT_ROUTES = new Set([
  "GET /api/auth/oidc/:provider/start",
  "GET /api/auth/oidc/:provider/callback",
]);

async function navigate(client: TestClient, url: string) {
  const res = await fetch(client.baseUrl + url, {
    redirect: "manual",
    headers: client.cookie ? { cookie: client.cookie } : {},
  });
  return { status: res.status, body: await res.text() };
}

/** A request with a raw body (the avatar upload) or a raw answer (an image), as the client's. */
async function sendBytes(client: TestClient, method: string, url: string, bytes?: Buffer) {
  const res = await fetch(client.baseUrl + url, {
    method,
    headers: {
      ...(bytes
        ? { "content-type": "image/png", "x-parley-filename": "matrix.png", [CSRF_HEADER]: CSRF_HEADER_VALUE }
        : {}),
      ...(client.cookie ? { cookie: client.cookie } : {}),
    },
    body: bytes,
  });
  const json = res.headers.get("content-type")?.startsWith("application/json");
  return { status: res.status, body: (json ? await res.json() : await res.arrayBuffer()) as unknown };
}

/** The push device made for the latest arranged actor (the host's, for anonymous): id and receipt token. */
let pushDevice = { id: "", token: "" };

/** Fresh emailed-link tokens of the login target's, per arranged actor (each works once). */
let emailLinks = { reset: "", verify: "" };
/** The arranged actor's own session (a random id for anonymous). */
let sessionId = "";

/** A request that passes validation, per route, so only the rules decide the outcome. */
const SAMPLES: Record<string, () => unknown> = {
  "GET /api/health": () => undefined,
  "POST /api/csp-reports": () => ({
    "csp-report": { "document-uri": "http://localhost/rooms", "violated-directive": "script-src-elem" },
  }),
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
  "POST /api/auth/password-reset": () => ({ email: `reset-${randomUUID()}@example.test` }),
  // The same password again: the login route's sample keeps working whatever runs first.
  "POST /api/auth/password-reset/confirm": () => ({
    token: emailLinks.reset,
    password: "correct horse battery staple",
  }),
  "POST /api/auth/verify-email": () => ({ token: emailLinks.verify }),
  "GET /api/me/security": () => undefined,
  "PATCH /api/me/security": () => ({ emailDigest: false }),
  "POST /api/me/verification": () => ({}),
  "POST /api/me/password": () => ({
    currentPassword: "correct horse battery staple",
    newPassword: "another fine long passphrase",
    signOutOthers: false,
  }),
  "GET /api/me/sessions": () => undefined,
  "DELETE /api/me/sessions/others": () => ({}),
  "DELETE /api/me/sessions/:sessionId": () => ({}), // the actor's own session, filled in below
  "GET /api/auth/providers": () => undefined,
  "GET /api/auth/oidc/:provider/start": () => undefined, // no such provider here: a redirect
  "GET /api/auth/oidc/:provider/callback": () => undefined, // ?state= added below
  "GET /api/me": () => undefined,
  "GET /api/rooms": () => undefined,
  "GET /api/rooms/mine": () => undefined,
  "POST /api/rooms": () => ({ name: "matrix room" }),
  "GET /api/rooms/:roomId": () => undefined,
  "POST /api/rooms/:roomId/join": () => ({}),
  "POST /api/rooms/:roomId/leave": () => ({}),
  "GET /api/rooms/:roomId/messages": () => undefined,
  "POST /api/rooms/:roomId/messages": () => ({ clientId: randomUUID(), body: "hello" }),
  "DELETE /api/rooms/:roomId/messages/:messageId": () => ({}),
  "PATCH /api/rooms/:roomId/messages/:messageId": () => ({ body: "rewritten by someone else" }),
  "GET /api/rooms/:roomId/messages/:messageId/history": () => undefined,
  "POST /api/rooms/:roomId/messages/:messageId/reactions": () => ({ emoji: "👍", on: true }),
  "GET /api/rooms/:roomId/messages/:messageId/thread": () => undefined,
  "PUT /api/rooms/:roomId/messages/:messageId/thread/follow": () => ({ following: true }),
  "POST /api/rooms/:roomId/messages/:messageId/thread/read": () => ({ seq: 1 }),
  "GET /api/threads": () => undefined,
  "GET /api/rooms/:roomId/members": () => undefined,
  "GET /api/rooms/read": () => undefined,
  "POST /api/rooms/read-all": () => ({}),
  "POST /api/rooms/:roomId/read": () => ({ seq: 1 }),
  "GET /api/rooms/:roomId/receipts": () => undefined,
  "PUT /api/rooms/:roomId/notify": () => ({ level: "mute" }),
  "GET /api/notifications": () => undefined,
  "GET /api/search": () => undefined, // ?q= added below
  "POST /api/notifications/read": () => ({ all: true }),
  "GET /api/admin/jobs": () => undefined,
  "POST /api/admin/jobs/:jobId/retry": () => ({}),
  "POST /api/rooms/:roomId/members/:userId/kick": () => ({}),
  "PUT /api/rooms/:roomId/members/:userId/mute": () => ({ durationSeconds: 600 }),
  "DELETE /api/rooms/:roomId/members/:userId/mute": () => ({}),
  "PUT /api/rooms/:roomId/members/:userId/role": () => ({ role: "moderator" }),
  "GET /api/rooms/:roomId/bans": () => undefined,
  "PUT /api/rooms/:roomId/bans/:userId": () => ({ reason: "spam" }),
  "DELETE /api/rooms/:roomId/bans/:userId": () => ({}),
  "GET /api/rooms/:roomId/audit": () => undefined,
  "PATCH /api/rooms/:roomId": () => ({ topic: "new topic" }),
  "PUT /api/rooms/:roomId/avatar": () => AVATAR_PNG, // raw bytes, sent by sendBytes below
  "DELETE /api/rooms/:roomId/avatar": () => ({}),
  "DELETE /api/rooms/:roomId": () => ({}),
  "GET /api/users": () => undefined,
  "GET /api/users/profiles": () => undefined, // ?ids= filled in with the victim's id below
  "PATCH /api/me/profile": () => ({ statusText: "Trying every route" }),
  "PUT /api/me/avatar": () => AVATAR_PNG, // raw bytes, sent by sendBytes below
  "DELETE /api/me/avatar": () => ({}),
  "GET /api/media/avatars/:file": () => undefined, // the host's avatar, uploaded in beforeAll
  "POST /api/rooms/:roomId/uploads": () => AVATAR_PNG, // raw bytes, sent by sendBytes below
  "GET /api/rooms/:roomId/attachments/:attachmentId/file/:name": () => undefined, // the victim's file
  "GET /api/rooms/:roomId/attachments/:attachmentId/thumb": () => undefined,
  "POST /api/conversations": () => undefined, // filled in with the victim's id below
  "GET /api/admin/users": () => undefined,
  "POST /api/admin/users/:userId/deactivate": () => ({}),
  "GET /api/admin/rooms": () => undefined,
  "POST /api/rooms/:roomId/members": () => undefined, // filled in with the victim's id below
  "POST /api/rooms/:roomId/invites": () => ({ expiresInSeconds: 3600, maxUses: 5 }),
  "GET /api/rooms/:roomId/invites": () => undefined,
  "DELETE /api/rooms/:roomId/invites/:inviteId": () => ({}),
  "GET /api/invites/:code": () => undefined,
  "POST /api/invites/:code/accept": () => ({}),
  "GET /api/push/key": () => undefined,
  "GET /api/push/devices": () => undefined,
  "POST /api/push/devices": () => ({
    endpoint: `https://push.example.org/send/${randomUUID()}`,
    keys: { p256dh: `B${"A".repeat(86)}`, auth: "A".repeat(22) },
  }),
  "DELETE /api/push/devices/:deviceId": () => ({}),
  "GET /api/push/settings": () => undefined,
  "PUT /api/push/settings": () => ({ previews: false }),
  "POST /api/push/test": () => ({}),
  "POST /api/push/receipts": () => ({ subscriptionId: pushDevice.id, token: pushDevice.token, type: "test" }),
  "GET /api/admin/push/devices": () => undefined,
};

describe("rules matrix", () => {
  let server: TestServer;
  let host: TestClient;
  /** `<hash>.webp` of an avatar that exists, for the route that serves avatar images. */
  let avatarFile = "";

  beforeAll(async () => {
    server = await startTestServer("sqlite");
    host = new TestClient(server.url);
    await host.signUp("host");
    const uploaded = await sendBytes(host, "PUT", API.myAvatar, AVATAR_PNG);
    expect(uploaded.status).toBe(200);
    avatarFile = (uploaded.body as ProfileResponse).profile.avatarUrl?.split("/").pop() ?? "";
    const target = new TestClient(server.url);
    const res = await target.request("POST", API.signup, {
      email: "login-target@example.test",
      displayName: "Target",
      password: "correct horse battery staple",
    });
    expect(res.status).toBe(201);
    targetId = (res.body as { user: { id: string } }).user.id;
    knownPasswordHash = await hashPassword("correct horse battery staple");
  });
  afterAll(() => server?.close());
  /** The login target (reset and verification links are theirs), and a hash of the sample password. */
  let targetId = "";
  let knownPasswordHash = "";

  /**
   * A fresh actor of the given kind, a room they stand in that relation to, and a plain
   * member of that room (the target of actions on someone else).
   */
  async function arrange(kind: ActorKind): Promise<{
    client: TestClient;
    roomId: string;
    victimId: string;
    messageId: string;
    inviteId: string;
    code: string;
    jobId: string;
    attachmentId: string;
  }> {
    const db = server.app.ctx.db;
    const client = kind === "anonymous" ? new TestClient(server.url) : await seedPerson(server, kind);
    const me = kind === "anonymous" ? null : client.user;
    const room = kind === "owner" ? await client.createRoom() : await host.createRoom();
    const victim = await seedPerson(server, "victim");
    await victim.join(room.id);
    const { id: messageId } = await victim.send(room.id, "a message to act on");
    const posted = await postFile(victim, room.id, AVATAR_PNG, "matrix.png");
    const attachmentId = posted.attachments?.[0]?.id ?? "";
    if (me && ["member", "muted", "moderator", "admin", "kicked"].includes(kind)) await client.join(room.id);
    const mine = db
      .updateTable("room_members")
      .where("room_id", "=", room.id)
      .where("user_id", "=", me?.id ?? "");
    if (kind === "moderator" || kind === "admin") await mine.set({ role: kind }).execute();
    if (kind === "muted")
      await mine.set({ muted_until: new Date(Date.now() + 3_600_000).toISOString() }).execute();
    if (kind === "kicked" && me) {
      const kicked = await host.request("POST", API.kick(room.id, me.id));
      expect(kicked.status).toBe(204);
    }
    if (kind === "banned" && me) {
      await db
        .insertInto("room_bans")
        .values({
          room_id: room.id,
          user_id: me.id,
          banned_by: host.user?.id ?? "",
          created_at: new Date().toISOString(),
          expires_at: null,
        })
        .execute();
    }
    if (kind === "serverAdmin" && me)
      await db.updateTable("users").set({ is_admin: 1 }).where("id", "=", me.id).execute();
    if (kind === "deactivated" && me) {
      await deactivateUser(server.app.ctx, host.user?.id ?? "", me.id);
    }
    if (kind === "privateOutsider") {
      // Private rooms cannot be made over the API yet (invites come later): flip it in place.
      await db.updateTable("rooms").set({ visibility: "private" }).where("id", "=", room.id).execute();
    }
    // An invite link to the room, made straight in the database with a known code.
    const code = randomUUID().replaceAll("-", "");
    const inviteId = randomUUID();
    await db
      .insertInto("room_invites")
      .values({
        id: inviteId,
        code_hash: hashInviteCode(code),
        room_id: room.id,
        created_by: host.user?.id ?? "",
        created_at: new Date().toISOString(),
        expires_at: null,
        max_uses: null,
        revoked_at: null,
      })
      .execute();
    // A parked background job, for the administrators' retry.
    const jobId = randomUUID();
    const now = new Date().toISOString();
    await db
      .insertInto("jobs")
      .values({
        id: jobId,
        kind: "matrix.parked",
        version: 1,
        payload: "{}",
        status: "parked",
        run_after: now,
        locked_until: null,
        last_error: "matrix",
        dedupe_key: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    // A push device of the actor's (the host's for anonymous), for removal and receipts.
    pushDevice = { id: randomUUID(), token: randomUUID() };
    await db
      .insertInto("push_subscriptions")
      .values({
        id: pushDevice.id,
        user_id: me?.id ?? host.user?.id ?? "",
        endpoint: `https://push.example.org/send/${pushDevice.id}`,
        p256dh: `B${"A".repeat(86)}`,
        auth: "A".repeat(22),
        user_agent: "matrix",
        label: "matrix",
        receipt_token: pushDevice.token,
        created_at: now,
        last_sent_at: null,
        last_confirmed_at: null,
        unconfirmed_since: null,
        last_error: null,
        test_sent_at: null,
        test_confirmed_at: null,
      })
      .execute();
    // Links of the login target's, and the actor's password known (the password change sample).
    const link = (purpose: "reset" | "verify") =>
      issueEmailToken(db, {
        userId: targetId,
        purpose,
        email: "login-target@example.test",
        ttlMs: 3_600_000,
      });
    emailLinks = { reset: await link("reset"), verify: await link("verify") };
    if (me)
      await db
        .updateTable("users")
        .set({ password_hash: knownPasswordHash })
        .where("id", "=", me.id)
        .execute();
    const token = decodeURIComponent(client.cookie?.split("=")[1] ?? "");
    const session = await db
      .selectFrom("sessions")
      .select("id")
      .where("token_hash", "=", hashToken(token))
      .executeTakeFirst();
    sessionId = session?.id ?? randomUUID();
    return {
      client,
      roomId: room.id,
      victimId: victim.user?.id ?? "",
      messageId,
      inviteId,
      code,
      jobId,
      attachmentId,
    };
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

  it("rules: each route answers each actor as the matrix says", { timeout: 600_000 }, async () => {
    const mismatches: string[] = [];
    for (const route of server.app.routes) {
      for (const actor of ACTORS) {
        const { client, roomId, victimId, messageId, inviteId, code, jobId, attachmentId } =
          await arrange(actor);
        const sample = SAMPLES[`${route.method} ${route.url}`];
        let url = route.url
          .replace(":roomId", roomId)
          .replace(":userId", victimId)
          .replace(":messageId", messageId)
          .replace(":jobId", jobId)
          .replace(":inviteId", inviteId)
          .replace(":code", code)
          .replace(":file", avatarFile)
          .replace(":attachmentId", attachmentId)
          .replace(":name", "matrix.png")
          .replace(":provider", "matrix")
          .replace(":sessionId", sessionId)
          .replace(":deviceId", pushDevice.id);
        if (route.url.endsWith("/callback")) url += "?state=matrix&code=matrix";
        if (url === API.users) url += "?q=vic";
        if (url === API.search) url += "?q=message";
        if (url === API.profiles) url += `?ids=${victimId}`;
        const body =
          url.endsWith("/members") && route.method === "POST"
            ? { userId: victimId }
            : url === API.conversations
              ? { userIds: [victimId] }
              : sample?.();
        const res = BYTE_ROUTES.has(`${route.method} ${route.url}`)
          ? await sendBytes(client, route.method, url, Buffer.isBuffer(body) ? body : undefined)
          : REDIRECT_ROUTES.has(`${route.method} ${route.url}`)
            ? await navigate(client, url)
            : await client.request(route.method, url, body);
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

  it("rules: each socket operation answers each signed-in actor as the matrix says", {
    timeout: 120_000,
  }, async () => {
    const frameTypes = ClientFrame.options.map((o) => o.shape.type.value);
    expect(new Set(frameTypes)).toEqual(new Set(Object.keys(SOCKET_RULES)));
    const frameFor = (type: string, roomId: string): unknown => {
      if (type === "sync") return { type, cursors: [{ roomId, afterSeq: 0 }] };
      if (type === "message.send") return { type, roomId, clientId: randomUUID(), body: "hi" };
      if (type === "receipt") return { type, roomId, seq: 0 };
      if (type === "typing") return { type, roomId };
      if (type === "presence") return { type, state: "idle" };
      if (type === "presence.watch") return { type, userIds: [randomUUID()] };
      throw new Error(`no sample frame for ${type}`);
    };
    const mismatches: string[] = [];
    for (const type of frameTypes) {
      // Anonymous and deactivated people cannot open a socket at all (closed with 4401).
      for (const actor of ACTORS.filter((a) => a !== "anonymous" && a !== "deactivated")) {
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
    for (const actor of ["anonymous", "deactivated"] as const) {
      const { client } = await arrange(actor);
      const socket = await client.connect();
      expect((await socket.closed).code, actor).toBe(CLOSE_CODES.UNAUTHENTICATED);
    }
  });
});
