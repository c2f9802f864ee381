import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerProcess } from "../../apps/server/src/testing/server-process";
import { startTestSmtpServer, type TestSmtpServer } from "../../apps/server/src/testing/test-smtp-server";
import { browserAvailability, DESKTOP, launchBrowser, PHONE, screenshotBoth } from "./browser";
import { newPerson, type Person, signUp } from "./flows";

const availability = browserAvailability();
if (!availability.run) console.warn(`[skip] browser specs: ${availability.reason}`);

const PASSWORD = "correct horse battery staple";

/** The path and fragment of the emailed link (its origin is the server's configured one). */
function linkPath(text: string, page: "reset-password" | "verify-email"): string {
  const match = text.match(new RegExp(`https?://[^\\s/]+(/${page}#token=[A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no ${page} link in:\n${text}`);
  return match[1];
}

async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/rooms/);
}

describe.runIf(availability.run)("sign-in & security: email links, sessions, password", () => {
  let smtp: TestSmtpServer;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    server = new ServerProcess({ SMTP_URL: smtp.url, MAIL_FROM: "Parley <parley@example.test>" });
    await server.start();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    await smtp?.close();
  });

  it("security: forgot password → the emailed link → a new password → signed in, the old session out", async () => {
    const ana: Person = await newPerson(browser, server.url, "Ana", DESKTOP);
    await signUp(ana);
    await smtp.next(ana.email, { subject: /Confirm your email/ });
    // Another browser, signed out, where Ana forgot her password.
    const elsewhere = await newPerson(browser, server.url, "Ana", DESKTOP);
    const { page } = elsewhere;
    await page.goto("/login");
    await page.getByRole("link", { name: "Forgot password?" }).waitFor();
    await screenshotBoth(page, "security-login-forgot-link");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await page.waitForURL(/\/reset-password$/);
    await page.getByRole("heading", { name: "Forgot your password?" }).waitFor();
    await page.getByRole("button", { name: "Send me a link" }).click();
    await page.getByText("Enter a valid email address").waitFor();
    await screenshotBoth(page, "security-reset-request");
    await page.getByLabel("Email").fill(ana.email);
    await page.getByRole("button", { name: "Send me a link" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    await screenshotBoth(page, "security-reset-sent");

    const mail = await smtp.next(ana.email, { subject: /new Parley password/ });
    expect(mail.from).toBe("parley@example.test");
    const path = linkPath(mail.text, "reset-password");
    await page.goto(path);
    await page.getByRole("heading", { name: "Set a new password" }).waitFor();
    // The token left the address bar once read.
    expect(new URL(page.url()).hash).toBe("");
    await page.getByLabel("New password").fill("short");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await page.locator("#new-password-error").getByText("Use at least 10 characters").waitFor();
    await screenshotBoth(page, "security-reset-new-password");
    await page.getByLabel("New password").fill("a brand new passphrase");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await page.waitForURL(/\/rooms$/);
    const me = await page.evaluate(async () => (await fetch("/api/me")).json());
    expect(me.user.email).toBe(ana.email);
    // The first browser's session ended with the reset: it is sent to the sign-in page live.
    await ana.page.waitForURL(/\/login/, { timeout: 15_000 });

    // The same link again: refused when used, with a way to ask for a new one.
    await page.goto(path);
    await page.getByLabel("New password").fill("yet another passphrase");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await page.getByRole("heading", { name: "This link no longer works" }).waitFor();
    await screenshotBoth(page, "security-reset-link-used");
    expect([...ana.errors, ...elsewhere.errors]).toEqual([]);
    await ana.context.close();
    await elsewhere.context.close();
  });

  it("security: the confirmation link confirms the email; the settings banner goes away", async () => {
    const ben = await newPerson(browser, server.url, "Ben", DESKTOP);
    await signUp(ben);
    const { page } = ben;
    await page.goto("/settings/security");
    await page.getByText("Confirm your email.").waitFor();
    const mail = await smtp.next(ben.email, { subject: /Confirm your email/ });
    const path = linkPath(mail.text, "verify-email");
    await page.goto(path);
    await page.getByRole("heading", { name: "Email confirmed" }).waitFor();
    await screenshotBoth(page, "security-verify-email");
    await page.goto(path);
    await page.getByRole("heading", { name: "This link no longer works" }).waitFor();
    await screenshotBoth(page, "security-verify-email-used");
    await page.goto("/settings/security");
    await page.getByText("Confirmed", { exact: true }).waitFor();
    await expect.poll(() => page.getByText("Confirm your email.").count()).toBe(0);
    expect(ben.errors).toEqual([]);
    await ben.context.close();
  });

  it("security: sessions from two browsers; signing the other out signs it out live; password change", async () => {
    const cleo = await newPerson(browser, server.url, "Cleo", DESKTOP);
    await signUp(cleo);
    const phone = await newPerson(browser, server.url, "Cleo", PHONE);
    await signIn(phone.page, cleo.email);
    await phone.page.waitForURL(/\/rooms$/);

    const { page } = cleo;
    await page.goto("/settings/security");
    await page.getByRole("heading", { name: "Where you are signed in" }).waitFor();
    const rows = page.getByTestId("session-row");
    await expect.poll(() => rows.count()).toBe(2);
    await rows.filter({ hasText: "This device" }).waitFor();
    await page.getByText("Confirm your email.").waitFor();
    await screenshotBoth(page, "security-settings");
    await page.getByRole("button", { name: "Sign out all other sessions" }).scrollIntoViewIfNeeded();
    await screenshotBoth(page, "security-settings-sessions");

    // Sign the phone out: its open app is sent to the sign-in page at once.
    const other = rows.filter({ hasNotText: "This device" });
    await other.getByRole("button", { name: /^Sign out / }).click();
    await phone.page.waitForURL(/\/login/, { timeout: 15_000 });
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByText("This is the only device signed in.").waitFor();

    // Password change: a wrong current password is refused in place, then the right one works.
    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("New password").fill("another long passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Your current password is not right").waitFor();
    await page.getByLabel("Current password").scrollIntoViewIfNeeded();
    await screenshotBoth(page, "security-password-wrong");
    await signIn(phone.page, cleo.email);
    await page.getByLabel("Current password").fill(PASSWORD);
    expect(await page.getByLabel("Sign out my other sessions").isChecked()).toBe(true);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Password changed. 1 other session was signed out.").waitFor();
    await screenshotBoth(page, "security-password-changed");
    await phone.page.waitForURL(/\/login/, { timeout: 15_000 });
    await signIn(phone.page, cleo.email, "another long passphrase");
    expect([...cleo.errors, ...phone.errors]).toEqual([]);
    await cleo.context.close();
    await phone.context.close();
  });
});
