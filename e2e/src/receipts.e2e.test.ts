import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerProcess } from "../../apps/server/src/testing/server-process";
import { browserAvailability, DESKTOP, launchBrowser, screenshot, screenshotBoth } from "./browser";
import {
  conversationLink,
  createRoom,
  expectMessage,
  joinRoom,
  messageRow,
  newPerson,
  openConversation,
  openRoomSettings,
  type Person,
  sendMessage,
  signUp,
} from "./flows";

const availability = browserAvailability();
if (!availability.run) console.warn(`[skip] browser specs: ${availability.reason}`);

const ROOM = "standup";

/** The sentence of a row's faces, or null while there are none. */
function seenText(faces: Locator): Promise<string | null> {
  return faces.getAttribute("title", { timeout: 500 }).catch(() => null);
}

/** The faces under the row of this message, as their sentence ("Seen by Ben and Cleo"). */
function seenBy(page: Page, body: string) {
  return messageRow(page, body).locator("xpath=following-sibling::div[@data-read-by]");
}

describe.runIf(availability.run)("read receipts: Seen in DMs, faces in group rooms", () => {
  let server: ServerProcess;
  let browser: Browser;
  let ana: Person;
  let ben: Person;
  let cleo: Person;

  beforeAll(async () => {
    server = new ServerProcess();
    await server.start();
    browser = await launchBrowser();
    ana = await newPerson(browser, server.url, "Ana", DESKTOP);
    ben = await newPerson(browser, server.url, "Ben", DESKTOP);
    cleo = await newPerson(browser, server.url, "Cleo", DESKTOP);
    for (const person of [ana, ben, cleo]) await signUp(person);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("receipts: Ana's DM says Seen once Ben opens it, and not before", async () => {
    await openConversation(ana.page, ["Ben"], "Ben");
    await sendMessage(ana.page, "Did the deploy go out?");
    const row = messageRow(ana.page, "Did the deploy go out?");
    // Stored, and Ben's browser is on another page: nobody has read it.
    await row.locator('[data-status="sent"], [data-status="delivered"]').waitFor({ timeout: 10_000 });
    await ana.page.waitForTimeout(500);
    await expect(row.getByText("Seen").count()).resolves.toBe(0);

    const link = conversationLink(ben.page, "Ana");
    await link.waitFor({ timeout: 10_000 });
    await link.click();
    await expectMessage(ben.page, "Did the deploy go out?");
    await row.getByText("Seen").waitFor({ timeout: 10_000 });
    await screenshotBoth(ana.page, "dm-seen");

    // Ben answers; Ana's message keeps its Seen, Ben's own has his status, not hers.
    await sendMessage(ben.page, "Yes, ten minutes ago");
    await expectMessage(ana.page, "Yes, ten minutes ago");
    await messageRow(ben.page, "Yes, ten minutes ago").getByText("Seen").waitFor({ timeout: 10_000 });
    await expect(row.getByText("Seen").count()).resolves.toBe(1);
  });

  it("receipts: in a room, faces show who has read up to where; an admin can turn them off", async () => {
    await createRoom(ana.page, ROOM);
    await joinRoom(ben.page, ROOM);
    await joinRoom(cleo.page, ROOM);
    await cleo.page.goto("/rooms/browse");
    await sendMessage(ana.page, "Standup in five");
    await expectMessage(ben.page, "Standup in five");
    const faces = seenBy(ana.page, "Standup in five");
    await expect.poll(() => seenText(faces), { timeout: 10_000 }).toBe("Seen by Ben");

    // Cleo opens the room later: she joins Ben under the same message.
    await cleo.page.goBack();
    await expectMessage(cleo.page, "Standup in five");
    await expect
      .poll(() => seenText(faces), { timeout: 10_000 })
      .toMatch(/^Seen by (Ben and Cleo|Cleo and Ben)$/);
    await expect(faces.locator(".avatar").count()).resolves.toBe(2);
    // Ben sees Cleo's face, never his own.
    await expect
      .poll(() => seenText(seenBy(ben.page, "Standup in five")), { timeout: 10_000 })
      .toBe("Seen by Cleo");
    await screenshotBoth(ana.page, "room-read-by");

    // Off: the faces go for everyone, live.
    const dialog = await openRoomSettings(ana.page);
    await dialog.getByLabel("Read receipts").selectOption("off");
    await dialog.getByText("Nobody sees who has read what here.").waitFor();
    await screenshot(ana.page, "room-settings-receipts-desktop");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => faces.count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => seenBy(ben.page, "Standup in five").count(), { timeout: 10_000 }).toBe(0);
    expect([...ana.errors, ...ben.errors, ...cleo.errors]).toEqual([]);
  });
});
