import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerProcess } from "../../apps/server/src/testing/server-process";
import { browserAvailability, DESKTOP, launchBrowser, screenshotBoth } from "./browser";
import {
  createRoom,
  expectMessage,
  joinRoom,
  messageRow,
  newPerson,
  type Person,
  sendMessage,
  signUp,
} from "./flows";

const availability = browserAvailability();
if (!availability.run) console.warn(`[skip] browser specs: ${availability.reason}`);

const ROOM = "launch";

/** Opens a message's ⋯ menu (shown on hover) and picks an item. */
async function messageAction(page: Page, author: string, body: string, action: string): Promise<void> {
  await messageRow(page, body).hover();
  await page.getByRole("button", { name: `Actions for ${author}'s message` }).click();
  await page.getByRole("menuitem", { name: action }).click();
}

describe.runIf(availability.run)("editing, reacting, replying", () => {
  let server: ServerProcess;
  let browser: Browser;
  let ana: Person;
  let ben: Person;

  beforeAll(async () => {
    server = new ServerProcess();
    await server.start();
    browser = await launchBrowser();
    // Ana signs up first and owns the room: she moderates it.
    ana = await newPerson(browser, server.url, "Ana", DESKTOP);
    ben = await newPerson(browser, server.url, "Ben", DESKTOP);
    for (const person of [ana, ben]) await signUp(person);
    await createRoom(ana.page, ROOM);
    await joinRoom(ben.page, ROOM);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("editing: Ben fixes a typo in place; Ana sees the new text marked edited, live", async () => {
    await sendMessage(ben.page, "Lanuch is at noon");
    await expectMessage(ana.page, "Lanuch is at noon");
    await messageAction(ben.page, "Ben", "Lanuch is at noon", "Edit message");
    const box = ben.page.getByRole("textbox", { name: "Edit message" });
    await expect(box.inputValue()).resolves.toBe("Lanuch is at noon");
    await box.fill("");
    await ben.page.getByText("A message cannot be empty. Delete it instead.").waitFor();
    await box.fill("Launch is at noon");
    await screenshotBoth(ben.page, "message-editing");
    await box.press("Enter");
    await box.waitFor({ state: "detached" });
    await expectMessage(ben.page, "Launch is at noon");

    await expectMessage(ana.page, "Launch is at noon");
    await messageRow(ana.page, "Launch is at noon").getByText("(edited)").waitFor();
    await expect(ana.page.getByText("Lanuch is at noon").count()).resolves.toBe(0);
    await screenshotBoth(ana.page, "message-edited");

    // Escape leaves the text as it was; the up arrow in the empty composer opens the same editor.
    const composer = ben.page.getByRole("textbox", { name: "Message" });
    await composer.click();
    await composer.press("ArrowUp");
    await ben.page.getByRole("textbox", { name: "Edit message" }).fill("never mind");
    await ben.page.keyboard.press("Escape");
    await expectMessage(ben.page, "Launch is at noon");
  });

  it("editing: Ana, a moderator, reads the earlier text in the edit history; she cannot edit Ben's message", async () => {
    await messageRow(ana.page, "Launch is at noon").hover();
    await ana.page.getByRole("button", { name: "Actions for Ben's message" }).click();
    await expect(ana.page.getByRole("menuitem", { name: "Edit message" }).count()).resolves.toBe(0);
    await ana.page.getByRole("menuitem", { name: "Edit history" }).click();
    const dialog = ana.page.getByRole("dialog", { name: "Edit history" });
    await dialog.getByText("Lanuch is at noon").waitFor();
    await dialog.getByText("Current text").waitFor();
    await screenshotBoth(ana.page, "message-edit-history");
    await dialog.getByRole("button", { name: "Close" }).click();
    await dialog.waitFor({ state: "hidden" });

    // A reload shows the same: the edit is stored, not only live.
    await ben.page.reload();
    await messageRow(ben.page, "Launch is at noon").getByText("(edited)").waitFor();
    expect([...ana.errors, ...ben.errors]).toEqual([]);
  });

  it("reactions: Ana reacts from the quick row, Ben adds his to the same chip, Ana takes hers back; live for both", async () => {
    const row = messageRow(ana.page, "Launch is at noon");
    await row.hover();
    await ana.page.getByRole("button", { name: "Add reaction" }).click();
    await ana.page.getByRole("dialog", { name: "React with" }).getByRole("button", { name: "🎉" }).click();
    const anaChip = row.getByRole("button", { name: "You reacted with 🎉" });
    await anaChip.waitFor();
    await expect(anaChip.getAttribute("aria-pressed")).resolves.toBe("true");

    const benRow = messageRow(ben.page, "Launch is at noon");
    const benChip = benRow.getByRole("button", { name: "Ana reacted with 🎉" });
    await benChip.waitFor({ timeout: 10_000 });
    await benChip.click();
    await benRow.getByRole("button", { name: "Ana and you reacted with 🎉" }).waitFor();
    await row.getByRole("button", { name: "Ben and you reacted with 🎉" }).waitFor({ timeout: 10_000 });
    await expect(row.getByRole("button", { name: /reacted with 🎉/ }).textContent()).resolves.toContain("2");

    // The full picker: search and pick.
    await row.hover();
    await ana.page.getByRole("button", { name: "Add reaction" }).click();
    await ana.page.getByRole("dialog", { name: "React with" }).getByRole("button", { name: "More…" }).click();
    await screenshotBoth(ana.page, "reaction-picker");
    await ana.page.keyboard.press("Escape");

    await screenshotBoth(ben.page, "reactions");
    await row.getByRole("button", { name: "Ben and you reacted with 🎉" }).click();
    await benRow.getByRole("button", { name: "You reacted with 🎉" }).waitFor({ timeout: 10_000 });
    expect([...ana.errors, ...ben.errors]).toEqual([]);
  });

  it("replies: Ana answers Ben's message; both see the quote, and a click on it goes to the original", async () => {
    const row = messageRow(ana.page, "Launch is at noon");
    await row.hover();
    await row.getByRole("button", { name: "Reply", exact: true }).click();
    await ana.page.getByText("Replying to").waitFor();
    await screenshotBoth(ana.page, "reply-composer");
    await sendMessage(ana.page, "Great, I'll bring the cake");
    await expect(ana.page.getByText("Replying to").count()).resolves.toBe(0);
    for (const page of [ana.page, ben.page]) {
      const reply = messageRow(page, "Great, I'll bring the cake");
      await reply
        .getByRole("button", { name: /^Reply to Ben: Launch is at noon/ })
        .waitFor({ timeout: 10_000 });
    }
    await screenshotBoth(ben.page, "reply-quote");
    await messageRow(ben.page, "Great, I'll bring the cake")
      .getByRole("button", { name: /^Reply to Ben/ })
      .click();
    // The original is brought into view and highlighted.
    await ben.page.locator("[class*=highlight]").filter({ hasText: "Launch is at noon" }).waitFor();

    // Escape cancels a reply being written.
    const benReply = messageRow(ben.page, "Great, I'll bring the cake");
    await benReply.hover();
    await benReply.getByRole("button", { name: "Reply", exact: true }).click();
    await ben.page.getByText("Replying to").waitFor();
    await ben.page.keyboard.press("Escape");
    await expect(ben.page.getByText("Replying to").count()).resolves.toBe(0);
    expect([...ana.errors, ...ben.errors]).toEqual([]);
  });
});
