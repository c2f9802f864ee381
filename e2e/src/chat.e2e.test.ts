import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerProcess } from "../../apps/server/src/testing/server-process";
import { browserAvailability, DESKTOP, launchBrowser, PHONE, screenshot } from "./browser";
import { expectMessage, newPerson, type Person, sendMessage, signUp } from "./flows";

const availability = browserAvailability();
if (!availability.run) console.warn(`[skip] browser specs: ${availability.reason}`);

describe.runIf(availability.run)("chat in two browsers", () => {
  let server: ServerProcess;
  let browser: Browser;
  let ana: Person;
  let ben: Person;
  let roomUrl = "";

  beforeAll(async () => {
    server = new ServerProcess();
    await server.start();
    browser = await launchBrowser();
    ana = await newPerson(browser, server.url, "Ana", DESKTOP);
    ben = await newPerson(browser, server.url, "Ben", PHONE);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("e2e: sign-up rejects a weak password with a clear message, then accepts a good one", async () => {
    const { page } = ana;
    await page.goto("/signup");
    await screenshot(page, "signup-desktop");
    await page.getByLabel("Email").fill(ana.email);
    await page.getByLabel("Display name").fill(ana.name);
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await page
      .getByText(/at least 10 characters/i)
      .first()
      .waitFor();
    await screenshot(page, "signup-error-desktop");
    await page.getByLabel("Password", { exact: true }).fill("correct horse battery staple");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/rooms/);
    await screenshot(page, "rooms-empty-desktop");
  });

  it("e2e: A creates a room; B signs up, finds it and joins", async () => {
    await ana.page.getByRole("button", { name: "Create room" }).click();
    await ana.page.getByLabel("Room name").fill("general");
    await ana.page.getByLabel("Topic").fill("Company-wide chatter");
    await ana.page.getByRole("dialog").getByRole("button", { name: "Create", exact: true }).click();
    await ana.page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    await ana.page.getByRole("heading", { name: "general", level: 1 }).waitFor();
    roomUrl = new URL(ana.page.url()).pathname;
    expect(roomUrl).toMatch(/^\/rooms\/[0-9a-f-]{36}$/);
    await expect(
      ana.page
        .getByRole("navigation", { name: "Rooms" })
        .getByRole("link", { name: /general/ })
        .count(),
    ).resolves.toBe(1);

    await signUp(ben);
    await ben.page.getByRole("link", { name: "Browse rooms" }).click();
    await ben.page.getByRole("button", { name: "Join general" }).click();
    await ben.page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    await ben.page.getByRole("heading", { name: "general", level: 1 }).waitFor();
    await screenshot(ben.page, "room-phone-joined");
  });

  it("e2e: A sends, B sees it without reloading; B answers, A sees it", async () => {
    await sendMessage(ana.page, "Hello from Ana");
    await expectMessage(ana.page, "Hello from Ana");
    await expectMessage(ben.page, "Hello from Ana");
    await sendMessage(ben.page, "Hi Ana, Ben here");
    await expectMessage(ana.page, "Hi Ana, Ben here");
    // Shift+Enter makes a new line instead of sending.
    const box = ana.page.getByRole("textbox", { name: "Message" });
    await box.fill("line one");
    await box.press("Shift+Enter");
    await box.pressSequentially("line two");
    await expect(box.inputValue()).resolves.toBe("line one\nline two");
    await box.press("Enter");
    await expectMessage(ben.page, "line one\nline two");
    const log = ana.page.getByRole("log", { name: "Messages" });
    await expect(log.getByText("Ben", { exact: true }).count()).resolves.toBeGreaterThan(0);
    await screenshot(ana.page, "room-desktop");
    await screenshot(ben.page, "room-phone");
  });

  it("e2e: reloading keeps the history", async () => {
    await ben.page.reload();
    await expectMessage(ben.page, "Hello from Ana");
    await expectMessage(ben.page, "Hi Ana, Ben here");
  });

  it("e2e: after a server restart both browsers reconnect by themselves and miss nothing", async () => {
    await server.restart();
    // Ana writes as soon as she is back; Ben must get it without reloading.
    await sendMessage(ana.page, "Back after the restart");
    await expectMessage(ben.page, "Back after the restart", 30_000);
    await sendMessage(ben.page, "Got it");
    await expectMessage(ana.page, "Got it", 30_000);
  });

  it("e2e: sign out returns to the sign-in page; signing in again shows the room", async () => {
    await ana.page.getByRole("button", { name: "Sign out" }).click();
    await ana.page.waitForURL(/\/login/);
    await screenshot(ana.page, "login-desktop");
    await ana.page.getByLabel("Email").fill(ana.email);
    await ana.page.getByLabel("Password", { exact: true }).fill("wrong password here");
    await ana.page.getByRole("button", { name: "Sign in" }).click();
    await ana.page.getByText(/wrong email or password/i).waitFor();
    await ana.page.getByLabel("Password", { exact: true }).fill("correct horse battery staple");
    await ana.page.getByRole("button", { name: "Sign in" }).click();
    await ana.page.waitForURL(/\/rooms/);
    await ana.page.goto(roomUrl);
    await expectMessage(ana.page, "Got it");
  });

  it("e2e: no uncaught errors in either browser", () => {
    expect(ana.errors).toEqual([]);
    expect(ben.errors).toEqual([]);
  });
});
