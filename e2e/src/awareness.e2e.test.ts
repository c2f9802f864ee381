import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerProcess } from "../../apps/server/src/testing/server-process";
import { browserAvailability, DESKTOP, launchBrowser, screenshotBoth } from "./browser";
import {
  createRoom,
  expectMessage,
  joinRoom,
  newPerson,
  openConversation,
  type Person,
  signUp,
} from "./flows";

const availability = browserAvailability();
if (!availability.run) console.warn(`[skip] browser specs: ${availability.reason}`);

const ROOM = "lobby";

/** The line above the composer that says who is typing. */
function typingLine(page: Page) {
  return page.getByRole("status").filter({ hasText: /typing…$/ });
}

/** The open room's header (its heading, avatar and the line under the name). */
function roomHeader(page: Page) {
  return page.locator("header").filter({ has: page.getByRole("heading", { level: 1 }) });
}

describe.runIf(availability.run)("awareness: typing indicators and presence", () => {
  let server: ServerProcess;
  let browser: Browser;
  let ana: Person;
  let ben: Person;
  let roomPath = "";

  beforeAll(async () => {
    // A short heartbeat: a socket that vanished without a goodbye is dropped within seconds.
    server = new ServerProcess({ HEARTBEAT_MS: "1500" });
    await server.start();
    browser = await launchBrowser();
    ana = await newPerson(browser, server.url, "Ana", DESKTOP);
    ben = await newPerson(browser, server.url, "Ben", DESKTOP);
    for (const person of [ana, ben]) await signUp(person);
    roomPath = await createRoom(ana.page, ROOM);
    await joinRoom(ben.page, ROOM);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("awareness: Ben sees “Ana is typing…” while she types, and it goes when her message arrives", async () => {
    const box = ana.page.getByRole("textbox", { name: "Message" });
    await box.pressSequentially("Hello Ben, are you", { delay: 40 });
    await typingLine(ben.page).getByText("Ana is typing…").waitFor({ timeout: 5_000 });
    // Ana never sees her own typing.
    await expect(typingLine(ana.page).count()).resolves.toBe(0);
    await screenshotBoth(ben.page, "typing-indicator");

    await box.pressSequentially(" there?", { delay: 40 });
    await box.press("Enter");
    await expectMessage(ben.page, "Hello Ben, are you there?");
    // Gone with the message, well before the 6-second expiry.
    await typingLine(ben.page).waitFor({ state: "detached", timeout: 2_000 });
    expect(ana.errors).toEqual([]);
    expect(ben.errors).toEqual([]);
  });

  it("awareness: the member list shows who is online", async () => {
    await ben.page.getByRole("button", { name: "Members", exact: true }).click();
    const members = ben.page.getByRole("region", { name: "Members" });
    const anaRow = members.getByRole("listitem").filter({ has: ben.page.getByText("Ana", { exact: true }) });
    await anaRow.getByRole("img", { name: "Online" }).waitFor({ timeout: 5_000 });
    await screenshotBoth(ben.page, "members-presence");
    await ben.page.getByRole("button", { name: "Members", exact: true }).click();
  });

  it("awareness: the people picker shows who is online beside each result", async () => {
    await ben.page.getByRole("button", { name: "New message" }).click();
    const dialog = ben.page.getByRole("dialog", { name: "New message" });
    await dialog.getByRole("combobox").fill("An");
    const option = dialog.getByRole("option", { name: "Ana", exact: true });
    // The dot is seen (with its title), not read: the option's name stays "Ana".
    await option.locator('[data-status="online"][title="Online"]').waitFor({ timeout: 5_000 });
    await screenshotBoth(ben.page, "people-picker-presence");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
  });

  it("awareness: a DM's header says the other person is online, and “Last seen” once she leaves", async () => {
    await openConversation(ben.page, ["Ana"], "Ana");
    const header = roomHeader(ben.page);
    await header.getByText("Online", { exact: true }).waitFor({ timeout: 5_000 });
    await screenshotBoth(ben.page, "dm-presence-online");

    // Ana closes her tab: Ben sees her go within a few seconds, with no reload.
    await ana.page.close();
    await header.getByText(/^Last seen just now$/).waitFor({ timeout: 10_000 });
    await screenshotBoth(ben.page, "dm-presence-offline");

    // She comes back in a new tab: online again.
    ana.page = await ana.context.newPage();
    // Her tab's clock is the test's, so five quiet minutes pass in an instant.
    await ana.page.clock.install();
    await ana.page.goto(roomPath);
    await header.getByText("Online", { exact: true }).waitFor({ timeout: 10_000 });

    // Five minutes without input: away (a hollow amber dot). A key pressed: online again.
    await ana.page.clock.fastForward("05:01");
    await header.getByText("Away", { exact: true }).waitFor({ timeout: 10_000 });
    await screenshotBoth(ben.page, "dm-presence-away");
    await ana.page.keyboard.press("Shift");
    await header.getByText("Online", { exact: true }).waitFor({ timeout: 10_000 });
    expect(ben.errors).toEqual([]);
  });
});
