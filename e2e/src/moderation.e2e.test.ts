import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerProcess } from "../../apps/server/src/testing/server-process";
import { browserAvailability, DESKTOP, launchBrowser, PHONE, screenshot, screenshotBoth } from "./browser";
import {
  createRoom,
  expectMessage,
  joinRoom,
  messageLog,
  messageRow,
  newPerson,
  type Person,
  sendMessage,
  signUp,
} from "./flows";

const availability = browserAvailability();
if (!availability.run) console.warn(`[skip] browser specs: ${availability.reason}`);

const ROOM = "town-square";

/** Opens the room's side panel (if closed) and returns it. */
async function openMembers(page: Page) {
  const panel = page.getByRole("complementary", { name: /Members|Moderation log|Invite links/ });
  if ((await panel.count()) === 0) await page.getByRole("button", { name: "Members", exact: true }).click();
  await panel.waitFor();
  return panel;
}

/** The member row for this display name in the open panel. */
function memberRow(page: Page, name: string) {
  return page
    .getByRole("region", { name: "Members" })
    .getByRole("listitem")
    .filter({ has: page.getByText(name, { exact: true }) });
}

describe.runIf(availability.run)("moderation: roles, bans, the log, invite links", () => {
  let server: ServerProcess;
  let browser: Browser;
  let ana: Person;
  let ben: Person;
  let cleo: Person;
  let dan: Person;
  let roomUrl = "";
  let privateUrl = "";
  let invitePath = "";

  beforeAll(async () => {
    server = new ServerProcess();
    await server.start();
    browser = await launchBrowser();
    ana = await newPerson(browser, server.url, "Ana", DESKTOP);
    await ana.context.grantPermissions(["clipboard-read", "clipboard-write"]);
    ben = await newPerson(browser, server.url, "Ben", DESKTOP);
    cleo = await newPerson(browser, server.url, "Cleo", DESKTOP);
    dan = await newPerson(browser, server.url, "Dan", DESKTOP);
    for (const person of [ana, ben, cleo]) await signUp(person);
    roomUrl = await createRoom(ana.page, ROOM, "Be kind");
    await joinRoom(ben.page, ROOM);
    await joinRoom(cleo.page, ROOM);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("moderation: the owner makes B a moderator from the member list", async () => {
    const panel = await openMembers(ana.page);
    await memberRow(ana.page, "Cleo").waitFor();
    // Nobody can act on the owner, so there is no menu on Ana's own row.
    await expect(panel.getByRole("button", { name: "Actions for Ana" }).count()).resolves.toBe(0);
    await panel.getByRole("button", { name: "Actions for Ben" }).click();
    await ana.page.getByRole("menuitem", { name: "Make moderator" }).click();
    await panel.getByText("Ben is now a moderator").waitFor();
    await memberRow(ana.page, "Ben").getByText("Moderator", { exact: true }).waitFor();
    await screenshotBoth(ana.page, "members-panel");
  });

  it("moderation: a moderator removes a message; everyone sees it removed; authors delete their own", async () => {
    await ben.page.goto(roomUrl);
    await sendMessage(cleo.page, "buy cheap watches");
    await expectMessage(ben.page, "buy cheap watches");
    // Ben's new role reached his tab live: he may delete Cleo's message.
    await messageRow(ben.page, "buy cheap watches").hover();
    await ben.page.getByRole("button", { name: "Actions for Cleo's message" }).click();
    await ben.page.getByRole("menuitem", { name: "Delete message" }).click();
    const dialog = ben.page.getByRole("dialog", { name: "Remove message?" });
    await dialog.getByText("buy cheap watches").waitFor();
    await screenshotBoth(ben.page, "remove-message-dialog");
    await dialog.getByRole("button", { name: "Remove" }).click();
    for (const person of [ana, ben, cleo]) {
      await expectMessage(person.page, "This message was removed by a moderator.");
      await expect(messageLog(person.page).getByText("buy cheap watches").count()).resolves.toBe(0);
    }
    // A member is offered no delete on someone else's message, only on their own.
    await sendMessage(ana.page, "the owner speaks");
    await expectMessage(cleo.page, "the owner speaks");
    await messageRow(cleo.page, "the owner speaks").hover();
    await expect(cleo.page.getByRole("button", { name: "Actions for Ana's message" }).count()).resolves.toBe(
      0,
    );

    await sendMessage(cleo.page, "typo, sorry");
    await expectMessage(cleo.page, "typo, sorry");
    await messageRow(cleo.page, "typo, sorry").hover();
    await cleo.page.getByRole("button", { name: "Actions for Cleo's message" }).click();
    await cleo.page.getByRole("menuitem", { name: "Delete message" }).click();
    await cleo.page
      .getByRole("dialog", { name: "Delete message?" })
      .getByRole("button", { name: "Delete" })
      .click();
    await expectMessage(ana.page, "This message was deleted.");
    await screenshotBoth(ana.page, "deleted-messages");
    // After a reload the deletions are still there (they are in the room's log).
    await ana.page.reload();
    await expectMessage(ana.page, "This message was removed by a moderator.");
    await expectMessage(ana.page, "This message was deleted.");
  });

  it("moderation: a muted member's composer says until when, at once, and comes back on unmute", async () => {
    const panel = await openMembers(ana.page);
    await panel.getByRole("button", { name: "Actions for Cleo" }).click();
    await ana.page.getByRole("menuitem", { name: "Mute for 10 minutes" }).click();
    await panel.getByText("Cleo is muted for 10 minutes").waitFor();
    await memberRow(ana.page, "Cleo").getByText("Muted", { exact: false }).waitFor();

    // The mute reaches Cleo's open tab live: no refused send needed.
    await cleo.page.getByText(/^You are muted until \d\d:\d\d$/).waitFor({ timeout: 10_000 });
    await expect(cleo.page.getByRole("textbox", { name: "Message" }).count()).resolves.toBe(0);
    await screenshot(cleo.page, "muted-composer-desktop");

    await panel.getByRole("button", { name: "Actions for Cleo" }).click();
    await ana.page.getByRole("menuitem", { name: "Unmute" }).click();
    await panel.getByText("Cleo can post again").waitFor();
    await cleo.page.getByRole("textbox", { name: "Message" }).waitFor({ timeout: 10_000 });
  });

  it("moderation: B bans C with a reason; C's open tab says so at once; C cannot rejoin", async () => {
    // Ben's role arrived on his socket: he now gets a menu for Cleo, and none for Ana.
    const panel = await openMembers(ben.page);
    await panel.getByRole("button", { name: "Actions for Cleo" }).click();
    const items = await ben.page.getByRole("menuitem").allTextContents();
    expect(items).toEqual(["Mute for 10 minutes", "Mute for 1 hour", "Mute for 1 day", "Kick…", "Ban…"]);
    await expect(panel.getByRole("button", { name: "Actions for Ana" }).count()).resolves.toBe(0);
    await ben.page.getByRole("menuitem", { name: "Ban…" }).click();

    const dialog = ben.page.getByRole("dialog", { name: "Ban Cleo?" });
    await dialog.getByLabel("Reason").fill("Spamming links");
    await dialog.getByLabel("Ban for").selectOption({ label: "1 week" });
    await screenshotBoth(ben.page, "ban-dialog");
    await dialog.getByRole("button", { name: "Ban Cleo" }).click();
    await panel.getByText("Cleo was banned").waitFor();
    await panel.getByRole("button", { name: "Unban Cleo" }).waitFor();
    await expect(memberRow(ben.page, "Cleo").count()).resolves.toBe(0);

    // Cleo still has the room open: the notice replaces it without a reload.
    await cleo.page
      .getByRole("heading", { name: `You were banned from #${ROOM}` })
      .waitFor({ timeout: 10_000 });
    await expect(
      cleo.page.getByRole("navigation", { name: "Rooms" }).getByRole("link", { name: ROOM }).count(),
    ).resolves.toBe(0);
    await screenshotBoth(cleo.page, "removal-notice");

    await cleo.page.getByRole("button", { name: "Back to rooms" }).last().click();
    await cleo.page.waitForURL(/\/rooms$/);
    await cleo.page.goto(roomUrl);
    await cleo.page.getByRole("button", { name: "Join room" }).click();
    await cleo.page
      .getByRole("alert")
      .getByText(/banned/i)
      .waitFor();
  });

  it("moderation: the owner reads the ban in the moderation log", async () => {
    const panel = await openMembers(ana.page);
    // The ban reached Ana's open list too (the member count frame refreshes it).
    await expect.poll(() => memberRow(ana.page, "Cleo").count(), { timeout: 10_000 }).toBe(0);
    await panel.getByRole("button", { name: "Moderation log" }).click();
    await panel.getByText("Ben banned Cleo").waitFor();
    await panel.getByText("Reason: Spamming links").waitFor();
    await panel.getByText("Ana made Ben a moderator").waitFor();
    await screenshotBoth(ana.page, "moderation-log");
    await panel.getByRole("button", { name: "Back to members" }).click();
  });

  it("invites: a private room shows a lock; its link lets C in; without it the room is not found", async () => {
    await ana.page.getByRole("button", { name: "Create room" }).click();
    await ana.page.getByLabel("Room name").fill("backstage");
    await ana.page.getByRole("checkbox", { name: "Private room" }).check();
    await screenshot(ana.page, "create-private-room-desktop");
    await ana.page.getByRole("dialog").getByRole("button", { name: "Create", exact: true }).click();
    await ana.page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    await ana.page.getByRole("heading", { name: "backstage", level: 1 }).waitFor();
    privateUrl = new URL(ana.page.url()).pathname;

    const panel = await openMembers(ana.page);
    await panel.getByRole("button", { name: "Invite link" }).click();
    await panel.getByLabel("Max uses").selectOption({ label: "5 uses" });
    await panel.getByRole("button", { name: "Create invite link" }).click();
    const link = await panel.getByLabel("New invite link").inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{16,64}$/);
    invitePath = new URL(link).pathname;
    await panel.getByRole("button", { name: "Copy link" }).click();
    await panel.getByText("Copied to the clipboard.").waitFor();
    await panel.getByText("0 of 5 uses", { exact: false }).waitFor();
    await screenshotBoth(ana.page, "invite-links");

    // Cleo is banned from the other room only: the link works for her.
    await cleo.page.goto(invitePath);
    await cleo.page.getByRole("heading", { name: "#backstage" }).waitFor();
    await screenshotBoth(cleo.page, "invite-page");
    await cleo.page.getByRole("button", { name: "Join room" }).click();
    await cleo.page.waitForURL((url) => url.pathname === privateUrl);
    await cleo.page.getByRole("heading", { name: "backstage", level: 1 }).waitFor();

    await signUp(dan);
    await dan.page.goto(privateUrl);
    await dan.page.getByRole("heading", { name: "Room not found" }).waitFor();
    await dan.page.goto("/invite/NoSuchInviteCode12345");
    await dan.page.getByRole("heading", { name: "This invite link is no longer valid" }).waitFor();
    await screenshot(dan.page, "invite-invalid-desktop");
  });

  it("invites: a signed-out visitor signs up from the link and comes back to it", async () => {
    const eve = await newPerson(browser, server.url, "Eve", PHONE);
    await eve.page.goto(invitePath);
    await eve.page.waitForURL((url) => url.pathname === "/login");
    await eve.page.getByRole("link", { name: "Create an account" }).click();
    await eve.page.waitForURL((url) => url.pathname === "/signup" && url.search.includes("invite"));
    await eve.page.getByLabel("Email").fill(eve.email);
    await eve.page.getByLabel("Display name").fill(eve.name);
    await eve.page.getByLabel("Password", { exact: true }).fill("correct horse battery staple");
    await eve.page.getByRole("button", { name: "Create account" }).click();
    await eve.page.waitForURL((url) => url.pathname === invitePath);
    await eve.page.getByRole("button", { name: "Join room" }).click();
    await eve.page.waitForURL((url) => url.pathname === privateUrl);
    expect(eve.errors).toEqual([]);
  });

  it("moderation: no uncaught errors in any browser", () => {
    for (const person of [ana, ben, cleo, dan]) expect(person.errors).toEqual([]);
  });
});
