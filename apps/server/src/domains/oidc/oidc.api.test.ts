import { API, type User } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../config";
import { TestClient } from "../../testing/test-client";
import { startTestOidcProvider, type TestOidcProvider } from "../../testing/test-oidc-provider";
import { DB_KINDS, startTestServer, type TestServer } from "../../testing/test-server";
import { deactivateUser } from "../admin/deactivate-user";
import { TestBrowser } from "./test-browser";

/** What a browser says of a navigation started by a page of the same site, or of another. */
const SAME_ORIGIN = { "sec-fetch-site": "same-origin" };
const CROSS_SITE = { "sec-fetch-site": "cross-site" };

let op: TestOidcProvider;
beforeAll(async () => {
  op = await startTestOidcProvider();
});
afterAll(() => op?.close());

function oidcConfig(startsPerIp = 1000): Pick<Config, "oidc"> {
  return {
    oidc: {
      providers: [
        {
          id: "test",
          name: "Test OP",
          issuer: op.issuer,
          clientId: op.clientId,
          clientSecret: op.clientSecret,
        },
      ],
      publicOrigin: null,
      startsPerIp: { max: startsPerIp, windowMs: 600_000 },
    },
  };
}

describe.each(DB_KINDS)("OpenID Connect sign-in (%s)", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, oidcConfig());
  });
  afterAll(() => server?.close());

  const onParleyPage = (u: URL) => u.origin === server.url && !u.pathname.startsWith("/api/");
  const atCallback = (u: URL) => u.origin === server.url && u.pathname === API.oidcCallback("test");

  /**
   * Starts a sign-in and passes the provider's login form (unless this browser is still
   * signed in there: then the provider answers at once); stops before the callback.
   */
  async function toCallback(
    browser: TestBrowser,
    account: string,
    next?: string,
    headers: Record<string, string> = {},
  ): Promise<URL> {
    const start = `${server.url}${API.oidcStart("test")}${next ? `?next=${encodeURIComponent(next)}` : ""}`;
    const form = await browser.follow(start, { headers }, atCallback);
    if (form.res === null) return form.url;
    expect(form.url.origin).toBe(op.issuer);
    expect(form.res?.status).toBe(200);
    expect(await form.res?.text()).toContain('name="login"');
    const back = await browser.follow(
      form.url.href,
      { method: "POST", form: { login: account } },
      atCallback,
    );
    expect(back.res).toBeNull();
    return back.url;
  }

  /** Finishes at the callback; returns the Parley page it lands on. */
  async function callback(browser: TestBrowser, url: URL): Promise<URL> {
    const landed = await browser.follow(url.href, {}, onParleyPage);
    expect(landed.res).toBeNull();
    return landed.url;
  }

  async function signIn(browser: TestBrowser, account: string, next?: string): Promise<URL> {
    return callback(browser, await toCallback(browser, account, next));
  }

  async function me(browser: TestBrowser): Promise<User | null> {
    const res = await browser.fetch(server.url + API.me);
    return res.status === 200 ? ((await res.json()) as { user: User }).user : null;
  }

  async function identities(email: string) {
    return server.app.ctx.db.selectFrom("user_identities").selectAll().where("email", "=", email).execute();
  }

  it("oidc: lists the configured providers for the sign-in page", async () => {
    const res = await new TestClient(server.url).request("GET", API.oidcProviders);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ providers: [{ id: "test", name: "Test OP" }] });
  });

  it("oidc: start redirects to the provider with code flow, PKCE S256, state and nonce", async () => {
    const browser = new TestBrowser();
    const res = await browser.fetch(server.url + API.oidcStart("test"));
    expect(res.status).toBe(302);
    const url = new URL(res.headers.get("location") ?? "");
    expect(url.origin).toBe(op.issuer);
    const q = url.searchParams;
    expect(q.get("response_type")).toBe("code");
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get("state")?.length).toBeGreaterThanOrEqual(32);
    expect(q.get("nonce")?.length).toBeGreaterThanOrEqual(32);
    expect(q.get("scope")).toBe("openid email profile");
    expect(q.get("redirect_uri")).toBe(server.url + API.oidcCallback("test"));
    const cookie = res.headers.getSetCookie().join("\n");
    expect(cookie).toMatch(/parley_oidc=.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    // The verifier never leaves the server: only its S256 challenge is in the URL.
    const row = await server.app.ctx.db
      .selectFrom("oidc_logins")
      .selectAll()
      .where("state", "=", q.get("state") ?? "")
      .executeTakeFirstOrThrow();
    expect(url.href).not.toContain(row.code_verifier);
  });

  it("oidc: the first sign-in creates the account, the next one finds it", async () => {
    const first = new TestBrowser();
    expect((await signIn(first, "verified")).pathname).toBe("/rooms");
    const user = await me(first);
    expect(user).toMatchObject({ email: "verified.person@op.example.test", displayName: "Vera Verified" });
    const second = new TestBrowser();
    expect((await signIn(second, "verified")).pathname).toBe("/rooms");
    expect((await me(second))?.id).toBe(user?.id);
    const links = await identities("verified.person@op.example.test");
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ provider: "test", subject: "verified", user_id: user?.id });
    // No password was ever set: password sign-in says so instead of "wrong password".
    const login = await new TestClient(server.url).request<{ error: { code: string } }>("POST", API.login, {
      email: "verified.person@op.example.test",
      password: "any password at all",
    });
    expect(login.status).toBe(401);
    expect(login.body.error.code).toBe("PASSWORD_NOT_SET");
  });

  it("oidc: keeps a same-origin next path and drops any other", async () => {
    expect((await signIn(new TestBrowser(), "verified", "/rooms/some-room")).pathname).toBe(
      "/rooms/some-room",
    );
    for (const next of [
      "//evil.example/phish",
      "https://evil.example/",
      "/api/auth/logout",
      "/rooms/../admin",
    ]) {
      const landed = await signIn(new TestBrowser(), "verified", next);
      expect(landed.href, next).toBe(`${server.url}/rooms`);
    }
  });

  it("oidc: a tampered state is refused and signs no one in", async () => {
    const browser = new TestBrowser();
    const url = await toCallback(browser, "verified");
    url.searchParams.set("state", `${url.searchParams.get("state")}x`);
    const landed = await callback(browser, url);
    expect(landed.pathname + landed.search).toBe("/login?error=state_invalid");
    expect(await me(browser)).toBeNull();
  });

  it("oidc: a callback replayed in another browser is refused; its own browser still finishes", async () => {
    const victim = new TestBrowser();
    const url = await toCallback(victim, "verified");
    const attacker = new TestBrowser();
    await attacker.fetch(server.url + API.oidcStart("test")); // holds a sign-in cookie of its own
    const stolen = await callback(attacker, url);
    expect(stolen.pathname + stolen.search).toBe("/login?error=state_invalid");
    expect(await me(attacker)).toBeNull();
    expect((await callback(victim, url)).pathname).toBe("/rooms");
    // Used once: the same answer again is refused.
    const replay = await callback(victim, url);
    expect(replay.pathname + replay.search).toBe("/login?error=state_invalid");
  });

  it("oidc: an ID token with another nonce than the one issued is refused", async () => {
    const browser = new TestBrowser();
    const url = await toCallback(browser, "verified");
    // The sign-in we started expected another nonce than the provider put in the token.
    await server.app.ctx.db
      .updateTable("oidc_logins")
      .set({ nonce: "a-nonce-this-browser-never-sent" })
      .where("state", "=", url.searchParams.get("state") ?? "")
      .execute();
    const landed = await callback(browser, url);
    expect(landed.pathname + landed.search).toBe("/login?error=exchange_failed");
    expect(await me(browser)).toBeNull();
  });

  it("oidc: a sign-in older than 10 minutes is refused", async () => {
    const browser = new TestBrowser();
    const url = await toCallback(browser, "verified");
    await server.app.ctx.db
      .updateTable("oidc_logins")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("state", "=", url.searchParams.get("state") ?? "")
      .execute();
    const landed = await callback(browser, url);
    expect(landed.pathname + landed.search).toBe("/login?error=state_invalid");
    expect(await me(browser)).toBeNull();
  });

  it("oidc: a forged code is refused", async () => {
    const browser = new TestBrowser();
    const url = await toCallback(browser, "verified");
    url.searchParams.set("code", "forged-code");
    const landed = await callback(browser, url);
    expect(landed.pathname + landed.search).toBe("/login?error=exchange_failed");
  });

  it("oidc: the provider's refusal (error=access_denied) is shown, not a crash", async () => {
    const browser = new TestBrowser();
    const start = await browser.fetch(server.url + API.oidcStart("test"));
    const state = new URL(start.headers.get("location") ?? "").searchParams.get("state") ?? "";
    const url = new URL(server.url + API.oidcCallback("test"));
    url.search = new URLSearchParams({ error: "access_denied", state }).toString();
    const landed = await callback(browser, url);
    expect(landed.pathname + landed.search).toBe("/login?error=provider_denied");
  });

  it("oidc: an unverified email is never linked to an existing password account", async () => {
    const owner = new TestClient(server.url);
    const signup = await owner.request<{ user: User }>("POST", API.signup, {
      email: "unverified.person@op.example.test",
      displayName: "Owner",
      password: "the owner's own password",
    });
    expect(signup.status).toBe(201);
    const browser = new TestBrowser();
    const landed = await signIn(browser, "unverified");
    expect(landed.pathname + landed.search).toBe("/login?error=email_unverified&link=test");
    expect(await me(browser)).toBeNull();
    expect(await identities("unverified.person@op.example.test")).toHaveLength(0);

    // The owner proves the account is theirs with the password; the page then starts the
    // provider sign-in again, signed in, and the provider is linked to this account.
    const login = await browser.fetch(server.url + API.login, {
      method: "POST",
      json: { email: "unverified.person@op.example.test", password: "the owner's own password" },
    });
    expect(login.status).toBe(200);
    // Started from another site, the same navigation does not link (it tries to sign in).
    const crossSite = await callback(browser, await toCallback(browser, "unverified", undefined, CROSS_SITE));
    expect(crossSite.search).toBe("?error=email_unverified&link=test");
    expect(await identities("unverified.person@op.example.test")).toHaveLength(0);
    // The session was not touched by the refused sign-in.
    expect((await me(browser))?.id).toBe(signup.body.user.id);
    const linked = await callback(browser, await toCallback(browser, "unverified", undefined, SAME_ORIGIN));
    expect(linked.pathname).toBe("/rooms");
    const links = await identities("unverified.person@op.example.test");
    expect(links).toMatchObject([{ subject: "unverified", user_id: signup.body.user.id }]);
    // From now on the provider alone signs in to that account.
    const later = new TestBrowser();
    expect((await signIn(later, "unverified")).pathname).toBe("/rooms");
    expect((await me(later))?.id).toBe(signup.body.user.id);
  });

  it("oidc: a provider identity linked to one account is not linked to another", async () => {
    const other = new TestBrowser();
    const res = await other.fetch(server.url + API.signup, {
      method: "POST",
      json: { email: `other-${kind}@example.test`, displayName: "Other", password: "another long password" },
    });
    expect(res.status).toBe(201);
    // "verified" already belongs to the account made on its first sign-in.
    const landed = await callback(other, await toCallback(other, "verified", undefined, SAME_ORIGIN));
    expect(landed.pathname + landed.search).toBe("/login?error=identity_taken");
    expect(await identities("verified.person@op.example.test")).toHaveLength(1);
  });

  it("oidc: a link must finish in the account that started it", async () => {
    const browser = new TestBrowser();
    const res = await browser.fetch(server.url + API.signup, {
      method: "POST",
      json: {
        email: `starter-${kind}@example.test`,
        displayName: "Starter",
        password: "a starter password!",
      },
    });
    expect(res.status).toBe(201);
    const url = await toCallback(browser, "verified", undefined, SAME_ORIGIN);
    await browser.fetch(server.url + API.logout, { method: "POST", json: {} });
    const landed = await callback(browser, url);
    expect(landed.pathname + landed.search).toBe("/login?error=state_invalid");
  });

  it("oidc: an unverified email does not create an account either", async () => {
    op.accounts.set(`fresh-unverified-${kind}`, { email: `fresh-unverified-${kind}@op.example.test` });
    const landed = await signIn(new TestBrowser(), `fresh-unverified-${kind}`);
    expect(landed.pathname + landed.search).toBe("/login?error=email_unverified_new");
    const users = await server.app.ctx.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", `fresh-unverified-${kind}@op.example.test`)
      .execute();
    expect(users).toHaveLength(0);
  });

  it("oidc: a verified email is linked to the existing account with that email once the account confirmed it", async () => {
    const email = `linked-${kind}@op.example.test`;
    op.accounts.set(`linked-${kind}`, { email, email_verified: true, name: "Provider Name" });
    const owner = new TestClient(server.url);
    const signup = await owner.request<{ user: User }>("POST", API.signup, {
      email,
      displayName: "Password Name",
      password: "the owner's own password",
    });
    expect(signup.status).toBe(201);
    // Anyone can sign up with an address that is not theirs: until the account confirms its
    // email, the provider's owner of that address is sent to the password sign-in instead.
    const early = await signIn(new TestBrowser(), `linked-${kind}`);
    expect(early.pathname + early.search).toBe("/login?error=account_unconfirmed&link=test");
    expect(await identities(email)).toHaveLength(0);

    await server.app.ctx.db
      .updateTable("users")
      .set({ email_verified_at: new Date().toISOString() })
      .where("id", "=", signup.body.user.id)
      .execute();
    const browser = new TestBrowser();
    expect((await signIn(browser, `linked-${kind}`)).pathname).toBe("/rooms");
    const user = await me(browser);
    expect(user).toMatchObject({ id: signup.body.user.id, displayName: "Password Name" });
    expect(await identities(email)).toHaveLength(1);
    // The password still works too.
    const login = await new TestClient(server.url).request("POST", API.login, {
      email,
      password: "the owner's own password",
    });
    expect(login.status).toBe(200);
  });

  it("oidc: a deactivated account is refused", async () => {
    op.accounts.set(`gone-${kind}`, { email: `gone-${kind}@op.example.test`, email_verified: true });
    const browser = new TestBrowser();
    expect((await signIn(browser, `gone-${kind}`)).pathname).toBe("/rooms");
    const user = await me(browser);
    const admin = await server.app.ctx.db
      .selectFrom("users")
      .select("id")
      .where("is_admin", "=", 1)
      .executeTakeFirstOrThrow();
    await deactivateUser(server.app.ctx, admin.id, user?.id ?? "");
    const again = new TestBrowser();
    const landed = await signIn(again, `gone-${kind}`);
    expect(landed.pathname + landed.search).toBe("/login?error=account_deactivated");
    expect(await me(again)).toBeNull();
  });

  it("oidc: an unknown provider lands on the sign-in page with a clear error", async () => {
    const landed = await new TestBrowser().follow(server.url + API.oidcStart("nope"), {}, onParleyPage);
    expect(landed.url.pathname + landed.url.search).toBe("/login?error=unknown_provider");
    const callbackLanded = await new TestBrowser().follow(
      `${server.url}${API.oidcCallback("nope")}?state=x&code=y`,
      {},
      onParleyPage,
    );
    expect(callbackLanded.url.pathname + callbackLanded.url.search).toBe("/login?error=unknown_provider");
  });
});

describe("OpenID Connect sign-in, not configured or unreachable", () => {
  it("oidc: a server without providers lists none and refuses a start", async () => {
    const server = await startTestServer("sqlite");
    try {
      const res = await new TestClient(server.url).request("GET", API.oidcProviders);
      expect(res.body).toEqual({ providers: [] });
      const start = await new TestBrowser().fetch(server.url + API.oidcStart("test"));
      expect(start.headers.get("location")).toBe("/login?error=unknown_provider");
    } finally {
      await server.close();
    }
  });

  it("oidc: a provider that cannot be reached is reported, and no sign-in is recorded", async () => {
    const { oidc } = oidcConfig();
    const unreachable = {
      ...oidc,
      providers: oidc.providers.map((p) => ({ ...p, id: "gone", issuer: "http://127.0.0.1:9" })),
    };
    const server = await startTestServer("sqlite", { oidc: unreachable });
    try {
      const start = await new TestBrowser().fetch(server.url + API.oidcStart("gone"));
      expect(start.headers.get("location")).toBe("/login?error=provider_unavailable");
      const rows = await server.app.ctx.db.selectFrom("oidc_logins").selectAll().execute();
      expect(rows).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});

describe("OpenID Connect sign-in limits", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("sqlite", oidcConfig(2));
  });
  afterAll(() => server?.close());

  it("oidc: sign-ins started per IP are limited", async () => {
    const browser = new TestBrowser();
    for (let i = 0; i < 2; i++) {
      const res = await browser.fetch(server.url + API.oidcStart("test"));
      expect(new URL(res.headers.get("location") ?? "").origin).toBe(op.issuer);
    }
    const res = await browser.fetch(server.url + API.oidcStart("test"));
    expect(res.headers.get("location")).toBe("/login?error=rate_limited");
  });
});
