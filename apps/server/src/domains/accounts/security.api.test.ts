import { API, CLOSE_CODES, type SessionInfo, type User } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config";
import { isFrame, TestClient } from "../../testing/test-client";
import { DB_KINDS, startTestServer, type TestServer } from "../../testing/test-server";
import { startTestSmtpServer, type TestSmtpServer, tokenFromEmail } from "../../testing/test-smtp-server";
import { hashToken, SESSION_TOUCH_MS } from "./sessions";

const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "a brand new passphrase";
type ErrorBody = { error: { code: string } };

describe.each(DB_KINDS)("sign-in & security (%s)", (kind) => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    const mail = loadConfig({ NODE_ENV: "test" }).mail;
    server = await startTestServer(kind, {
      mail: { ...mail, smtpUrl: smtp.url, linkBase: "http://parley.test" },
    });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  let n = 0;
  /** A person signed up through the API, from a browser with this user agent. */
  async function signUp(userAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36") {
    const email = `person-${kind}-${++n}-${Date.now()}@example.test`;
    const client = new TestClient(server.url);
    client.headers = { "user-agent": userAgent };
    const res = await client.request<{ user: User }>("POST", API.signup, {
      email,
      displayName: `Person ${n}`,
      password: PASSWORD,
    });
    expect(res.status).toBe(201);
    client.user = res.body.user;
    return { client, email };
  }
  /** Another browser signing in to the same account. */
  async function signIn(email: string, password = PASSWORD, userAgent = "Mozilla/5.0 (iPhone) Safari/604.1") {
    const client = new TestClient(server.url);
    client.headers = { "user-agent": userAgent };
    const res = await client.request<{ user: User }>("POST", API.login, { email, password });
    return { client, status: res.status };
  }
  const security = async (client: TestClient) =>
    (
      await client.request<{
        security: { emailVerified: boolean; hasPassword: boolean; emailDigest: boolean };
      }>("GET", API.mySecurity)
    ).body.security;
  const sessions = async (client: TestClient) =>
    (await client.request<{ sessions: SessionInfo[] }>("GET", API.mySessions)).body.sessions;

  it("security: sign-up emails a confirmation link through SMTP; it confirms once, then is refused", async () => {
    const { client, email } = await signUp();
    expect((await security(client)).emailVerified).toBe(false);
    const mail = await smtp.next(email, { subject: /Confirm your email/ });
    expect(mail.from).toBe("parley@localhost");
    expect(mail.text).toContain("http://parley.test/verify-email#token=");
    expect(mail.html).toContain("Confirm my email");
    const token = tokenFromEmail(mail);
    // Opened on another device, signed out: the token alone is enough.
    const elsewhere = new TestClient(server.url);
    const used = await elsewhere.request<{ email: string }>("POST", API.verifyEmail, { token });
    expect(used.status).toBe(200);
    expect(used.body.email).toBe(email);
    expect((await security(client)).emailVerified).toBe(true);
    const again = await elsewhere.request<ErrorBody>("POST", API.verifyEmail, { token });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe("LINK_INVALID");
    // Confirmed: "resend" sends nothing more.
    expect((await client.request("POST", API.myVerification)).status).toBe(202);
    await server.app.ctx.jobs.drain();
    expect(smtp.for(email)).toHaveLength(1);
  });

  it("security: an expired or made-up confirmation link is refused; resend sends a new one", async () => {
    const { client, email } = await signUp();
    const first = tokenFromEmail(await smtp.next(email));
    await server.app.ctx.db
      .updateTable("email_tokens")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("email", "=", email)
      .execute();
    const expired = await client.request<ErrorBody>("POST", API.verifyEmail, { token: first });
    expect(expired.status).toBe(410);
    const madeUp = await client.request<ErrorBody>("POST", API.verifyEmail, { token: "A".repeat(43) });
    expect(madeUp.body.error.code).toBe("LINK_INVALID");
    const malformed = await client.request<ErrorBody>("POST", API.verifyEmail, { token: "<script>" });
    expect(malformed.body.error.code).toBe("VALIDATION_FAILED");
    expect((await client.request("POST", API.myVerification)).status).toBe(202);
    const second = tokenFromEmail(await smtp.next(email));
    expect((await client.request("POST", API.verifyEmail, { token: second })).status).toBe(200);
    // The stored token is a hash, never the token itself.
    const rows = await server.app.ctx.db
      .selectFrom("email_tokens")
      .selectAll()
      .where("email", "=", email)
      .execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(second);
  });

  it("security: a reset request answers the same for an unknown email, and only a known one gets mail", async () => {
    const { email } = await signUp();
    await smtp.next(email); // the confirmation email
    const anonymous = new TestClient(server.url);
    const known = await anonymous.request("POST", API.passwordReset, { email: email.toUpperCase() });
    const unknown = await anonymous.request("POST", API.passwordReset, { email: "nobody-here@example.test" });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    const mail = await smtp.next(email, { subject: /new Parley password/ });
    expect(mail.text).toContain("http://parley.test/reset-password#token=");
    await server.app.ctx.jobs.drain();
    expect(smtp.for("nobody-here@example.test")).toEqual([]);
    const bad = await anonymous.request<ErrorBody>("POST", API.passwordReset, { email: "not an email" });
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
  });

  it("security: reset requests are limited per address, the same for known and unknown ones", async () => {
    const c = new TestClient(server.url);
    for (const email of ["limited@example.test", "limited-unknown@example.test"]) {
      for (let i = 0; i < 3; i++)
        expect((await c.request("POST", API.passwordReset, { email })).status).toBe(202);
      const limited = await c.request<ErrorBody>("POST", API.passwordReset, { email });
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe("RATE_LIMITED");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });

  it("security: a reset link sets the password, confirms the email, ends every session and signs in", async () => {
    const { client: laptop, email } = await signUp();
    await smtp.next(email);
    const { client: phone } = await signIn(email);
    const socket = await phone.connect();
    await socket.waitFor(isFrame("ready"));
    const stranger = new TestClient(server.url);
    expect((await stranger.request("POST", API.passwordReset, { email })).status).toBe(202);
    const token = tokenFromEmail(await smtp.next(email, { subject: /password/ }));

    // A weak password is refused without using the link up.
    const weak = await stranger.request<ErrorBody>("POST", API.passwordResetConfirm, {
      token,
      password: "short",
    });
    expect(weak.body.error.code).toBe("WEAK_PASSWORD");
    const done = await stranger.request<{ user: User }>("POST", API.passwordResetConfirm, {
      token,
      password: NEW_PASSWORD,
    });
    expect(done.status).toBe(200);
    expect(done.body.user.email).toBe(email);
    // The browser that used the link is signed in; every earlier session is over, sockets too.
    expect((await stranger.request("GET", API.me)).status).toBe(200);
    expect((await laptop.request("GET", API.me)).status).toBe(401);
    expect((await phone.request("GET", API.me)).status).toBe(401);
    expect((await socket.closed).code).toBe(CLOSE_CODES.UNAUTHENTICATED);
    expect((await security(stranger)).emailVerified).toBe(true);
    expect((await signIn(email, PASSWORD)).status).toBe(401);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
    const reused = await new TestClient(server.url).request<ErrorBody>("POST", API.passwordResetConfirm, {
      token,
      password: "yet another passphrase",
    });
    expect(reused.status).toBe(410);
    expect(reused.body.error.code).toBe("LINK_INVALID");
  });

  it("security: an expired reset link is refused, and using one link voids the others", async () => {
    const { email } = await signUp();
    await smtp.next(email);
    const c = new TestClient(server.url);
    const ask = async () => {
      expect((await c.request("POST", API.passwordReset, { email })).status).toBe(202);
      return tokenFromEmail(await smtp.next(email, { subject: /password/ }));
    };
    const [expiring, first, second] = [await ask(), await ask(), await ask()];
    await server.app.ctx.db
      .updateTable("email_tokens")
      .set({ expires_at: new Date(Date.now() - 1).toISOString() })
      .where("token_hash", "=", hashToken(expiring))
      .execute();
    const expired = await c.request<ErrorBody>("POST", API.passwordResetConfirm, {
      token: expiring,
      password: NEW_PASSWORD,
    });
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe("LINK_INVALID");
    const ok = await c.request("POST", API.passwordResetConfirm, { token: first, password: NEW_PASSWORD });
    expect(ok.status).toBe(200);
    const voided = await c.request<ErrorBody>("POST", API.passwordResetConfirm, {
      token: second,
      password: PASSWORD,
    });
    expect(voided.body.error.code).toBe("LINK_INVALID");
  });

  it("security: lists my sessions with device, IP and times — never a token or its hash", async () => {
    const { client: laptop, email } = await signUp("Mozilla/5.0 (Macintosh) Firefox/133.0");
    const { client: phone } = await signIn(
      email,
      PASSWORD,
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Safari/604.1",
    );
    const res = await laptop.request<{ sessions: SessionInfo[] }>("GET", API.mySessions);
    expect(res.status).toBe(200);
    const list = res.body.sessions;
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({
      current: true,
      userAgent: "Mozilla/5.0 (Macintosh) Firefox/133.0",
      ip: "127.0.0.1",
    });
    expect(list[1]).toMatchObject({ current: false, userAgent: expect.stringContaining("iPhone") });
    const hashes = await server.app.ctx.db.selectFrom("sessions").select("token_hash").execute();
    const text = JSON.stringify(res.body);
    for (const { token_hash } of hashes) expect(text).not.toContain(token_hash);
    expect(text).not.toContain(decodeURIComponent(phone.cookie?.split("=")[1] ?? "x"));
    // Each side sees itself as "this device".
    const fromPhone = await sessions(phone);
    expect(fromPhone.find((s) => s.current)?.id).toBe(list[1]?.id);
  });

  it("security: signing out one session ends it and closes its sockets at once; others' are not found", async () => {
    const { client: laptop, email } = await signUp();
    const { client: phone } = await signIn(email);
    const socket = await phone.connect();
    await socket.waitFor(isFrame("ready"));
    const laptopSocket = await laptop.connect();
    await laptopSocket.waitFor(isFrame("ready"));
    const phoneSession = (await sessions(laptop)).find((s) => !s.current);
    expect(phoneSession).toBeDefined();
    const { client: stranger } = await signUp();
    const notMine = await stranger.request<ErrorBody>("DELETE", API.mySession(phoneSession?.id ?? ""));
    expect(notMine.status).toBe(404);
    expect((await phone.request("GET", API.me)).status).toBe(200);

    const out = await laptop.request("DELETE", API.mySession(phoneSession?.id ?? ""));
    expect(out.status).toBe(204);
    expect((await socket.closed).code).toBe(CLOSE_CODES.UNAUTHENTICATED);
    expect((await phone.request("GET", API.me)).status).toBe(401);
    expect((await laptop.request("GET", API.me)).status).toBe(200);
    expect(await sessions(laptop)).toHaveLength(1);
    const gone = await laptop.request<ErrorBody>("DELETE", API.mySession(phoneSession?.id ?? ""));
    expect(gone.status).toBe(404);
    const bad = await laptop.request<ErrorBody>("DELETE", API.mySession("not-a-uuid"));
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    // The laptop's own socket stays open.
    laptopSocket.send({ type: "presence", state: "active" });
    await new Promise((r) => setTimeout(r, 100));
    expect(laptopSocket.ws.readyState).toBe(laptopSocket.ws.OPEN);
    laptopSocket.close();
  });

  it("security: signing out all other sessions keeps this one", async () => {
    const { client: laptop, email } = await signUp();
    const others = await Promise.all([signIn(email), signIn(email), signIn(email)]);
    const socket = await others[0]?.client.connect();
    await socket?.waitFor(isFrame("ready"));
    const res = await laptop.request<{ signedOut: number }>("DELETE", API.myOtherSessions);
    expect(res.status).toBe(200);
    expect(res.body.signedOut).toBe(3);
    expect((await socket?.closed)?.code).toBe(CLOSE_CODES.UNAUTHENTICATED);
    for (const other of others) expect((await other.client.request("GET", API.me)).status).toBe(401);
    expect((await laptop.request("GET", API.me)).status).toBe(200);
    expect(await sessions(laptop)).toHaveLength(1);
  });

  it("security: changing the password needs the current one; other sessions end unless kept", async () => {
    const { client: laptop, email } = await signUp();
    const { client: phone } = await signIn(email);
    const wrong = await laptop.request<ErrorBody>("POST", API.myPassword, {
      currentPassword: "not my password at all",
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe("WRONG_PASSWORD");
    const weak = await laptop.request<ErrorBody>("POST", API.myPassword, {
      currentPassword: PASSWORD,
      newPassword: "short",
    });
    expect(weak.body.error.code).toBe("WEAK_PASSWORD");
    expect((await phone.request("GET", API.me)).status).toBe(200);

    const kept = await laptop.request<{ signedOut: number }>("POST", API.myPassword, {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      signOutOthers: false,
    });
    expect(kept.body.signedOut).toBe(0);
    expect((await phone.request("GET", API.me)).status).toBe(200);
    const ended = await laptop.request<{ signedOut: number }>("POST", API.myPassword, {
      currentPassword: NEW_PASSWORD,
      newPassword: PASSWORD,
    });
    expect(ended.status).toBe(200);
    expect(ended.body.signedOut).toBe(1);
    expect((await phone.request("GET", API.me)).status).toBe(401);
    expect((await laptop.request("GET", API.me)).status).toBe(200);
    expect((await signIn(email, PASSWORD)).status).toBe(200);
  });

  it("security: wrong current passwords are rate limited per account", async () => {
    const { client } = await signUp();
    for (let i = 0; i < 5; i++) {
      const res = await client.request("POST", API.myPassword, {
        currentPassword: `guess ${i}`,
        newPassword: NEW_PASSWORD,
      });
      expect(res.status).toBe(403);
    }
    const limited = await client.request<ErrorBody>("POST", API.myPassword, {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(limited.status).toBe(429);
  });

  it("security: an account without a password (OpenID) is told to set one through the reset email", async () => {
    const { client, email } = await signUp();
    await server.app.ctx.db
      .updateTable("users")
      .set({ password_hash: "" })
      .where("email", "=", email)
      .execute();
    expect(await security(client)).toMatchObject({ hasPassword: false, emailVerified: true });
    const res = await client.request<ErrorBody>("POST", API.myPassword, {
      currentPassword: "x",
      newPassword: NEW_PASSWORD,
    });
    expect(res.body.error.code).toBe("PASSWORD_NOT_SET");
    await client.request("POST", API.passwordReset, { email });
    const token = tokenFromEmail(await smtp.next(email, { subject: /password/ }));
    expect(
      (await client.request("POST", API.passwordResetConfirm, { token, password: NEW_PASSWORD })).status,
    ).toBe(200);
    expect((await security(client)).hasPassword).toBe(true);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);
  });

  it("security: a session's last use is written at most every few minutes", async () => {
    const { client, email } = await signUp();
    const db = server.app.ctx.db;
    const lastUsed = async () =>
      (
        await db
          .selectFrom("sessions")
          .innerJoin("users", "users.id", "sessions.user_id")
          .select("sessions.last_used_at")
          .where("users.email", "=", email)
          .executeTakeFirstOrThrow()
      ).last_used_at;
    const recent = new Date(Date.now() - SESSION_TOUCH_MS / 2).toISOString();
    await db
      .updateTable("sessions")
      .set({ last_used_at: recent })
      .where("user_id", "=", client.user?.id ?? "")
      .execute();
    await client.request("GET", API.me);
    expect(await lastUsed()).toBe(recent);
    const old = new Date(Date.now() - SESSION_TOUCH_MS - 1000).toISOString();
    await db
      .updateTable("sessions")
      .set({ last_used_at: old, ip: null })
      .where("user_id", "=", client.user?.id ?? "")
      .execute();
    await client.request("GET", API.me);
    expect(Date.parse((await lastUsed()) ?? "")).toBeGreaterThan(Date.parse(old));
    expect((await sessions(client))[0]?.ip).toBe("127.0.0.1");
  });

  it("security: the email digest can be turned off and on", async () => {
    const { client } = await signUp();
    expect((await security(client)).emailDigest).toBe(true);
    const off = await client.request<{ security: { emailDigest: boolean } }>("PATCH", API.mySecurity, {
      emailDigest: false,
    });
    expect(off.body.security.emailDigest).toBe(false);
    expect((await security(client)).emailDigest).toBe(false);
    const bad = await client.request<ErrorBody>("PATCH", API.mySecurity, { emailDigest: "yes" });
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
  });
});
