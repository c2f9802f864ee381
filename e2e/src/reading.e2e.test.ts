import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerProcess } from "../../apps/server/src/testing/server-process";
import { browserAvailability, DESKTOP, launchBrowser, PHONE, screenshot } from "./browser";
import { createRoom, expectMessage, joinRoom, newPerson, type Person, sendMessage, signUp } from "./flows";

const availability = browserAvailability();
if (!availability.run) console.warn(`[skip] browser specs: ${availability.reason}`);

const ROOM = "reading-room";

/** The room's row in the sidebar. */
function roomRow(page: Page, name: string) {
  return page.getByRole("navigation", { name: "Rooms" }).getByRole("link", { name: new RegExp(`^${name}`) });
}

/** Waits until the room's sidebar row shows no unread badge (read here or on another device). */
async function expectNoUnread(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        roomRow(page, ROOM)
          .getByText(/unread/)
          .count(),
      { timeout: 10_000 },
    )
    .toBe(0);
}

/** My read pointer in the room, as the server has it. */
async function serverReadSeq(page: Page): Promise<number | undefined> {
  return page.evaluate(async () => {
    const res = await fetch("/api/rooms/read");
    const body = (await res.json()) as { reads: Array<{ readSeq: number }> };
    return body.reads[0]?.readSeq;
  });
}

describe.runIf(availability.run)("reading: unread counts, mentions, the New messages divider", () => {
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
    ben = await newPerson(browser, server.url, "Ben", DESKTOP);
    for (const person of [ana, ben]) await signUp(person);
    roomUrl = await createRoom(ana.page, ROOM);
    await joinRoom(ben.page, ROOM);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("reading: messages written while I look elsewhere count as unread, live, in the sidebar and the tab title", async () => {
    await sendMessage(ana.page, "read before");
    await expectMessage(ben.page, "read before");
    // Seen in a focused window: read (the pointer is sent once it settles).
    await expectNoUnread(ben.page);
    await expect.poll(() => serverReadSeq(ben.page), { timeout: 10_000 }).toBe(1);
    // Ben looks elsewhere while Ana writes.
    await ben.page.goto("/rooms/browse");
    for (const text of ["first unread", "second unread", "third unread"]) await sendMessage(ana.page, text);
    await expectMessage(ana.page, "third unread");
    await roomRow(ben.page, ROOM).getByText("3 unread").waitFor({ timeout: 10_000 });
    await expect.poll(() => ben.page.title()).toMatch(/^\(3\) /);
    await sendMessage(ana.page, "are you there, @**Ben**?");
    await roomRow(ben.page, ROOM).getByText("1 unread mention").waitFor({ timeout: 10_000 });
    await screenshot(ben.page, "unread-sidebar-desktop");
    await ben.page.setViewportSize(PHONE);
    await ben.page.goto("/rooms");
    await roomRow(ben.page, ROOM).getByText("1 unread mention").waitFor();
    await screenshot(ben.page, "unread-sidebar-phone");
    await ben.page.setViewportSize(DESKTOP);
  });

  it("reading: opening the room shows New messages above the first unread one, and clears the counts everywhere", async () => {
    const otherTab = await ben.context.newPage();
    await otherTab.goto("/rooms/browse");
    await roomRow(otherTab, ROOM).getByText("1 unread mention").waitFor({ timeout: 10_000 });

    await ben.page.goto(roomUrl);
    const divider = ben.page.getByText("New messages", { exact: true });
    await divider.waitFor();
    const order = await ben.page
      .getByRole("log", { name: "Messages" })
      .locator("[data-divider], article p")
      .allTextContents();
    expect(order.slice(order.indexOf("New messages") - 1, order.indexOf("New messages") + 2)).toEqual([
      "read before",
      "New messages",
      "first unread",
    ]);
    await screenshot(ben.page, "unread-divider-desktop");
    await expectNoUnread(ben.page);
    await expect.poll(() => ben.page.title()).not.toMatch(/^\(/);
    // The pointer the server keeps moved to the newest message (the mention, seq 5).
    await expect.poll(() => serverReadSeq(ben.page), { timeout: 10_000 }).toBe(5);
    // Read here, so read on the other tab too (the server tells every device).
    await expectNoUnread(otherTab);
    await otherTab.close();
  });

  it("reading: Mark all read clears every room at once", async () => {
    await ben.page.goto("/rooms/browse");
    await sendMessage(ana.page, "one more");
    await roomRow(ben.page, ROOM).getByText("1 unread").waitFor({ timeout: 10_000 });
    await ben.page.getByRole("button", { name: "Mark all read" }).click();
    await expectNoUnread(ben.page);
    await expect(ben.page.getByRole("button", { name: "Mark all read" }).count()).resolves.toBe(0);
  });

  it("mentions: @ completes a member's name; the mention is highlighted for them", async () => {
    await ben.page.goto(roomUrl);
    const box = ben.page.getByRole("textbox", { name: "Message" });
    await box.fill("thanks ");
    await box.pressSequentially("@an");
    const list = ben.page.getByRole("listbox", { name: "Mention someone" });
    await list.getByRole("option", { name: "Ana" }).waitFor();
    await screenshot(ben.page, "mention-autocomplete-desktop");
    await box.press("Enter");
    await expect(box.inputValue()).resolves.toBe("thanks @**Ana** ");
    await box.pressSequentially("for the notes");
    await box.press("Enter");
    const row = ana.page
      .getByRole("log", { name: "Messages" })
      .locator("article")
      .filter({ hasText: "for the notes" });
    await row.getByText("@Ana", { exact: true }).waitFor({ timeout: 10_000 });
    await expect(row.getAttribute("class")).resolves.toMatch(/mentioned/);
    await screenshot(ana.page, "mention-highlight-desktop");
    // Escape closes the list and leaves the text as typed.
    await box.pressSequentially("@an");
    await list.waitFor();
    await box.press("Escape");
    await expect(list.count()).resolves.toBe(0);
    await expect(box.inputValue()).resolves.toBe("@an");
  });

  it("reading: no uncaught errors in any browser", () => {
    expect([...ana.errors, ...ben.errors]).toEqual([]);
  });
});
