import { SESSION_COOKIE } from "@parley/protocol";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerProcess } from "../../apps/server/src/testing/server-process";
import { startTestGitHub, type TestGitHub } from "../../apps/server/src/testing/test-github";
import {
  startTestOidcProvider,
  type TestOidcProvider,
} from "../../apps/server/src/testing/test-oidc-provider";
import { browserAvailability, DESKTOP, launchBrowser, screenshotBoth } from "./browser";
import { newPerson, signUp } from "./flows";

const availability = browserAvailability();
if (!availability.run) console.warn(`[skip] browser specs: ${availability.reason}`);

describe.runIf(availability.run)("sign-in with an OpenID provider", () => {
  let op: TestOidcProvider;
  let github: TestGitHub;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    op = await startTestOidcProvider();
    github = await startTestGitHub();
    server = new ServerProcess({
      OIDC_PROVIDERS: "testop,github",
      OIDC_TESTOP_ISSUER: op.issuer,
      OIDC_TESTOP_CLIENT_ID: op.clientId,
      OIDC_TESTOP_CLIENT_SECRET: op.clientSecret,
      OIDC_TESTOP_NAME: "Test OP",
      OIDC_GITHUB_TYPE: "github",
      OIDC_GITHUB_ISSUER: github.url,
      OIDC_GITHUB_API_URL: github.apiUrl,
      OIDC_GITHUB_CLIENT_ID: github.clientId,
      OIDC_GITHUB_CLIENT_SECRET: github.clientSecret,
    });
    await server.start();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    await op?.close();
    await github?.close();
  });

  it("oidc: Continue with GitHub (OAuth 2.0) lands in /rooms signed in as the GitHub account", async () => {
    github.signIn({
      id: 4242,
      login: "octo",
      name: "Octo Cat",
      emails: [{ email: "octo@users.example.test", primary: true, verified: true }],
    });
    const person = await newPerson(browser, server.url, "Octo", DESKTOP);
    const { page } = person;
    await page.goto("/login");
    await page.getByRole("link", { name: "Continue with GitHub" }).click();
    await page.waitForURL(/\/rooms$/);
    const me = await page.evaluate(async () => (await fetch("/api/me")).json());
    expect(me.user).toMatchObject({ email: "octo@users.example.test", displayName: "Octo Cat" });
    await page.getByText("Octo Cat").first().waitFor();
    expect(person.errors).toEqual([]);
    await person.context.close();
  });

  it("oidc: Continue with Test OP, pass the provider's login form, land in /rooms signed in", async () => {
    const person = await newPerson(browser, server.url, "Vera", DESKTOP);
    const { page } = person;
    await page.goto("/login");
    const button = page.getByRole("link", { name: "Continue with Test OP" });
    await button.waitFor();
    await screenshotBoth(page, "oidc-login");
    await button.click();

    // The provider's own page, on its own origin.
    await page.waitForURL((url) => url.origin === op.issuer);
    await page.getByLabel("Account").fill("verified");
    await page.getByRole("button", { name: "Sign in" }).click();

    await page.waitForURL(/\/rooms$/);
    const me = await page.evaluate(async () => (await fetch("/api/me")).json());
    expect(me.user).toMatchObject({ email: "verified.person@op.example.test", displayName: "Vera Verified" });
    await page.getByText("Vera Verified").first().waitFor();
    expect(person.errors).toEqual([]);
    await person.context.close();
  });

  it("oidc: the sign-up page offers the provider too", async () => {
    const person = await newPerson(browser, server.url, "Sam", DESKTOP);
    await person.page.goto("/signup");
    await person.page.getByRole("link", { name: "Continue with Test OP" }).waitFor();
    await screenshotBoth(person.page, "oidc-signup");
    await person.context.close();
  });

  it("oidc: a refused sign-in comes back to /login with a clear message", async () => {
    const person = await newPerson(browser, server.url, "Una", DESKTOP);
    const { page } = person;
    await page.goto("/login");
    await page.getByRole("link", { name: "Continue with Test OP" }).click();
    await page.waitForURL((url) => url.origin === op.issuer);
    await page.getByLabel("Account").fill("unverified");
    await page.getByRole("button", { name: "Sign in" }).click();

    await page.waitForURL(/\/login\?error=email_unverified_new$/);
    await page.getByRole("alert").getByText("The provider has not verified your email address.").waitFor();
    await screenshotBoth(page, "oidc-login-error");
    const me = await page.evaluate(async () => (await fetch("/api/me")).status);
    expect(me).toBe(401);
    expect(person.errors).toEqual([]);
    await person.context.close();
  });

  it("oidc: an existing account is linked only after its password sign-in", async () => {
    const person = await newPerson(browser, server.url, "Lee", DESKTOP);
    const { page } = person;
    op.accounts.set("lee", { email: person.email, email_verified: false, name: "Lee at the OP" });
    await signUp(person);
    await page.context().clearCookies();

    await page.goto("/login");
    await page.getByRole("link", { name: "Continue with Test OP" }).click();
    await page.waitForURL((url) => url.origin === op.issuer);
    await page.getByLabel("Account").fill("lee");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/login\?error=email_unverified&link=testop$/);
    await page.getByRole("alert").getByText("Sign in with your password").waitFor();
    await screenshotBoth(page, "oidc-login-link");

    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill("correct horse battery staple");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    // Signed in, the page goes back to the provider (still signed in there) and returns linked.
    await page.waitForURL(/\/rooms$/);
    const me = await page.evaluate(async () => (await fetch("/api/me")).json());
    expect(me.user).toMatchObject({ email: person.email, displayName: "Lee" });

    // From now on the provider alone opens this account.
    await page.context().clearCookies({ name: SESSION_COOKIE });
    await page.goto("/login");
    await page.getByRole("link", { name: "Continue with Test OP" }).click();
    await page.waitForURL(/\/rooms$/);
    const again = await page.evaluate(async () => (await fetch("/api/me")).json());
    expect(again.user.id).toBe(me.user.id);
    expect(person.errors).toEqual([]);
    await person.context.close();
  });
});
