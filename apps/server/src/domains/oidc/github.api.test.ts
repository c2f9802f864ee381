import { API, type User } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../config";
import { TestClient } from "../../testing/test-client";
import { type GitHubAccount, startTestGitHub, type TestGitHub } from "../../testing/test-github";
import { DB_KINDS, startTestServer, type TestServer } from "../../testing/test-server";
import { TestBrowser } from "./test-browser";

let gh: TestGitHub;
beforeAll(async () => {
  gh = await startTestGitHub();
});
afterAll(() => gh?.close());

function githubConfig(): Pick<Config, "oidc"> {
  return {
    oidc: {
      providers: [
        {
          id: "github",
          name: "GitHub",
          type: "github",
          issuer: gh.url,
          apiUrl: gh.apiUrl,
          clientId: gh.clientId,
          clientSecret: gh.clientSecret,
        },
      ],
      publicOrigin: null,
      startsPerIp: { max: 1000, windowMs: 600_000 },
    },
  };
}

let nextId = 1000;
function account(login: string, email: string, verified = true): GitHubAccount {
  nextId += 1;
  return {
    id: nextId,
    login,
    name: null,
    emails: [
      { email: `old-${email}`, primary: false, verified: true },
      { email, primary: true, verified },
    ],
  };
}

describe.each(DB_KINDS)("GitHub sign-in (OAuth 2.0) (%s)", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, githubConfig());
  });
  afterAll(() => server?.close());

  const onParleyPage = (u: URL) => u.origin === server.url && !u.pathname.startsWith("/api/");

  async function signIn(browser: TestBrowser): Promise<URL> {
    const landed = await browser.follow(server.url + API.oidcStart("github"), {}, onParleyPage);
    expect(landed.res).toBeNull();
    return landed.url;
  }

  async function me(browser: TestBrowser): Promise<User | null> {
    const res = await browser.fetch(server.url + API.me);
    return res.status === 200 ? ((await res.json()) as { user: User }).user : null;
  }

  it("github: start asks GitHub for the profile and emails, with PKCE and state, no nonce", async () => {
    const res = await new TestBrowser().fetch(server.url + API.oidcStart("github"));
    expect(res.status).toBe(302);
    const url = new URL(res.headers.get("location") ?? "");
    expect(url.origin + url.pathname).toBe(`${gh.url}/login/oauth/authorize`);
    expect(url.searchParams.get("scope")).toBe("read:user user:email");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("state")?.length).toBeGreaterThanOrEqual(32);
    expect(url.searchParams.has("nonce")).toBe(false);
  });

  it("github: the first sign-in creates the account from the verified primary email; the next finds it", async () => {
    const octo = { ...account(`octo-${kind}`, `octo-${kind}@users.example.test`), name: "Octo Cat" };
    gh.signIn(octo);
    const first = new TestBrowser();
    expect((await signIn(first)).pathname).toBe("/rooms");
    const user = await me(first);
    expect(user).toMatchObject({ email: `octo-${kind}@users.example.test`, displayName: "Octo Cat" });
    // A renamed login is still the same person: the numeric id is the subject.
    gh.signIn({ ...octo, login: `renamed-${kind}` });
    const second = new TestBrowser();
    expect((await signIn(second)).pathname).toBe("/rooms");
    expect((await me(second))?.id).toBe(user?.id);
  });

  it("github: without a name, the login names the account", async () => {
    gh.signIn(account(`plain-${kind}`, `plain-${kind}@users.example.test`));
    const browser = new TestBrowser();
    await signIn(browser);
    expect((await me(browser))?.displayName).toBe(`plain-${kind}`);
  });

  it("github: an unverified primary email creates no account", async () => {
    gh.signIn(account(`unverified-${kind}`, `unverified-${kind}@users.example.test`, false));
    const browser = new TestBrowser();
    const landed = await signIn(browser);
    expect(landed.pathname + landed.search).toBe("/login?error=email_unverified_new");
    expect(await me(browser)).toBeNull();
  });

  it("github: a forged code is refused and signs no one in", async () => {
    gh.signIn(account(`forged-${kind}`, `forged-${kind}@users.example.test`));
    const browser = new TestBrowser();
    const atGitHub = await browser.follow(
      server.url + API.oidcStart("github"),
      {},
      (u) => u.origin === gh.url,
    );
    const state = atGitHub.url.searchParams.get("state") ?? "";
    const forged = `${server.url}${API.oidcCallback("github")}?code=not-a-real-code&state=${state}`;
    const landed = await browser.follow(forged, {}, onParleyPage);
    expect(landed.url.pathname + landed.url.search).toBe("/login?error=exchange_failed");
    expect(await me(browser)).toBeNull();
  });

  it("github: links to an existing account whose email is confirmed", async () => {
    const email = `linked-${kind}@users.example.test`;
    const owner = new TestClient(server.url);
    const signup = await owner.request<{ user: User }>("POST", API.signup, {
      email,
      displayName: "Password Person",
      password: "a long enough password",
    });
    await server.app.ctx.db
      .updateTable("users")
      .set({ email_verified_at: new Date().toISOString() })
      .where("id", "=", signup.body.user.id)
      .execute();
    gh.signIn(account(`linked-${kind}`, email));
    const browser = new TestBrowser();
    expect((await signIn(browser)).pathname).toBe("/rooms");
    expect((await me(browser))?.id).toBe(signup.body.user.id);
  });
});
