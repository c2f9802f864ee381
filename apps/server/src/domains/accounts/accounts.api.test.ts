import { API, SESSION_COOKIE } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../testing/test-client";
import { DB_KINDS, startTestServer, type TestServer } from "../../testing/test-server";

describe.each(DB_KINDS)("accounts API (%s)", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server?.close());

  const signupBody = (email: string) => ({ email, displayName: "Ana", password: "a long enough secret" });

  it("accounts: signs up, sets an HttpOnly SameSite=Lax session cookie, and reads /me", async () => {
    const client = new TestClient(server.url);
    const res = await client.request<{ user: { email: string; displayName: string } }>(
      "POST",
      API.signup,
      signupBody("Ana@Example.test"),
    );
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email: "ana@example.test", displayName: "Ana" });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toContain(`${SESSION_COOKIE}=`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await client.request<{ user: { email: string } }>("GET", API.me);
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe("ana@example.test");
  });

  it("accounts: stores only a hash of the session token and an argon2id password hash", async () => {
    const client = new TestClient(server.url);
    const user = await client.signUp();
    const token = decodeURIComponent((client.cookie ?? "").split("=")[1] ?? "");
    const sessions = await server.app.ctx.db
      .selectFrom("sessions")
      .selectAll()
      .where("user_id", "=", user.id)
      .execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.token_hash).not.toBe(token);
    expect(sessions[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const row = await server.app.ctx.db
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith("$argon2id$")).toBe(true);
  });

  it("accounts: refuses a duplicate email with EMAIL_TAKEN (409)", async () => {
    const a = new TestClient(server.url);
    expect((await a.request("POST", API.signup, signupBody("dup@example.test"))).status).toBe(201);
    const b = new TestClient(server.url);
    const res = await b.request<{ error: { code: string } }>(
      "POST",
      API.signup,
      signupBody("DUP@example.test"),
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("EMAIL_TAKEN");
  });

  it("accounts: refuses weak passwords and invalid input with their codes", async () => {
    const c = new TestClient(server.url);
    const weak = await c.request<{ error: { code: string } }>("POST", API.signup, {
      email: "weak@example.test",
      displayName: "W",
      password: "short",
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe("WEAK_PASSWORD");
    const bad = await c.request<{ error: { code: string; details: Array<{ path: string }> } }>(
      "POST",
      API.signup,
      {
        email: "not-an-email",
        displayName: "",
        password: "a long enough secret",
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    expect(bad.body.error.details.map((d) => d.path)).toEqual(
      expect.arrayContaining(["email", "displayName"]),
    );
    const notJson = await fetch(server.url + API.signup, {
      method: "POST",
      headers: { "content-type": "application/json", "x-parley-csrf": "1" },
      body: "{not json",
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe("VALIDATION_FAILED");
  });

  it("accounts: signs in, signs out, and the old cookie no longer works", async () => {
    const c = new TestClient(server.url);
    await c.request("POST", API.signup, signupBody("inout@example.test"));
    const oldCookie = c.cookie;
    const out = await c.request("POST", API.logout);
    expect(out.status).toBe(204);
    const stale = new TestClient(server.url);
    stale.cookie = oldCookie;
    expect((await stale.request("GET", API.me)).status).toBe(401);
    const login = await c.request<{ user: { email: string } }>("POST", API.login, {
      email: "inout@example.test",
      password: "a long enough secret",
    });
    expect(login.status).toBe(200);
    expect((await c.request("GET", API.me)).status).toBe(200);
  });

  it("accounts: wrong password is INVALID_CREDENTIALS, and repeated failures are rate limited", async () => {
    const c = new TestClient(server.url);
    await c.request("POST", API.signup, signupBody("locked@example.test"));
    for (let i = 0; i < 5; i++) {
      const res = await c.request<{ error: { code: string } }>("POST", API.login, {
        email: "locked@example.test",
        password: `wrong password ${i}`,
      });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("INVALID_CREDENTIALS");
    }
    // Even the right password is refused while the limit holds.
    const limited = await c.request<{ error: { code: string } }>("POST", API.login, {
      email: "locked@example.test",
      password: "a long enough secret",
    });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("accounts: unknown email is INVALID_CREDENTIALS, not a hint that the account is missing", async () => {
    const c = new TestClient(server.url);
    const res = await c.request<{ error: { code: string } }>("POST", API.login, {
      email: "nobody@example.test",
      password: "whatever it is",
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("INVALID_CREDENTIALS");
  });

  it("accounts: state-changing requests need the CSRF header and a same-site origin", async () => {
    const noHeader = await fetch(server.url + API.signup, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(signupBody("csrf@example.test")),
    });
    expect(noHeader.status).toBe(403);
    expect(((await noHeader.json()) as { error: { code: string } }).error.code).toBe("CSRF_REJECTED");
    const c = new TestClient(server.url);
    const foreign = await c.request<{ error: { code: string } }>(
      "POST",
      API.signup,
      signupBody("csrf@example.test"),
      {
        origin: "https://evil.example",
      },
    );
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe("CSRF_REJECTED");
  });

  it("accounts: /me without a session is 401 UNAUTHENTICATED; unknown API route is 404 JSON", async () => {
    const c = new TestClient(server.url);
    const me = await c.request<{ error: { code: string } }>("GET", API.me);
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe("UNAUTHENTICATED");
    const missing = await c.request<{ error: { code: string } }>("GET", "/api/nope");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("NOT_FOUND");
  });
});
