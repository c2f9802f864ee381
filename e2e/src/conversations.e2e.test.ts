import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerProcess } from "../../apps/server/src/testing/server-process";
import { browserAvailability, DESKTOP, launchBrowser, screenshotBoth } from "./browser";
import {
  choosePeople,
  conversationLink,
  createRoom,
  directMessages,
  expectMessage,
  joinRoom,
  newPerson,
  openConversation,
  type Person,
  sendMessage,
  signUp,
} from "./flows";

const availability = browserAvailability();
if (!availability.run) console.warn(`[skip] browser specs: ${availability.reason}`);

const CHANNEL = "planning";

/** The tab title, once it settles on the expected one (after the unread count, if any: "(1) "). */
async function expectTitle(page: Page, title: string): Promise<void> {
  await expect
    .poll(() => page.title().then((t) => t.replace(/^\(\d+\) /, "")), { timeout: 5_000 })
    .toBe(title);
}

describe.runIf(availability.run)("conversations: direct messages, groups, adding people", () => {
  let server: ServerProcess;
  let browser: Browser;
  let ana: Person;
  let ben: Person;
  let cleo: Person;
  let dmPath = "";

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

  it("conversations: the picker searches people, says when no one matches, and never offers me", async () => {
    await directMessages(ana.page).getByText("Message someone directly", { exact: false }).waitFor();
    await ana.page.getByRole("button", { name: "New message" }).click();
    const dialog = ana.page.getByRole("dialog", { name: "New message" });
    await dialog.getByText("Type a name or an email address to find people.").waitFor();
    const search = dialog.getByRole("combobox", { name: "People" });

    await search.fill("Zed");
    await dialog.getByText("No one matches “Zed”").waitFor();
    await screenshotBoth(ana.page, "people-picker-empty");

    // Ana's own name finds nobody: the server leaves the caller out.
    await search.fill("Ana");
    await dialog.getByText("No one matches “Ana”").waitFor();

    await search.fill("Be");
    await dialog.getByRole("option", { name: "Ben", exact: true }).waitFor();
    await expect(search.getAttribute("aria-expanded")).resolves.toBe("true");
    await screenshotBoth(ana.page, "people-picker-results");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
  });

  it("conversations: A starts a DM with B from the keyboard; the page is titled with B's name", async () => {
    await ana.page.getByRole("button", { name: "New message" }).click();
    const dialog = ana.page.getByRole("dialog", { name: "New message" });
    const search = dialog.getByRole("combobox", { name: "People" });
    await search.fill("Ben");
    await dialog.getByRole("option", { name: "Ben", exact: true }).waitFor();
    // The first result is highlighted: Enter chooses it, Enter in the empty box opens.
    await search.press("Enter");
    const chips = dialog.getByRole("list", { name: "Chosen people" });
    await chips.getByText("Ben", { exact: true }).waitFor();
    await expect(search.inputValue()).resolves.toBe("");
    await search.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    await ana.page.getByRole("heading", { name: "Ben", level: 1, exact: true }).waitFor();
    dmPath = new URL(ana.page.url()).pathname;
    expect(dmPath).toMatch(/^\/rooms\/[0-9a-f-]{36}$/);
    await ana.page.getByText("Direct message", { exact: true }).waitFor();
    await expectTitle(ana.page, "Ben · Parley");
    // A DM has none of a channel's actions.
    for (const name of ["Add people", "Members", "Leave room"]) {
      await expect(ana.page.getByRole("button", { name, exact: true }).count()).resolves.toBe(0);
    }
    await conversationLink(ana.page, "Ben").waitFor();
  });

  it("conversations: B sees the DM appear without reloading and answers; A sees the answer", async () => {
    await sendMessage(ana.page, "Hi Ben, got a minute?");
    await expectMessage(ana.page, "Hi Ben, got a minute?");
    // Ben has been on /rooms since signing up: the conversation arrives on his socket.
    const link = conversationLink(ben.page, "Ana");
    await link.waitFor({ timeout: 10_000 });
    await link.click();
    await ben.page.waitForURL((url) => url.pathname === dmPath);
    await ben.page.getByRole("heading", { name: "Ana", level: 1, exact: true }).waitFor();
    await expectMessage(ben.page, "Hi Ben, got a minute?");
    await sendMessage(ben.page, "Sure, what's up?");
    await expectMessage(ana.page, "Sure, what's up?");
    await screenshotBoth(ana.page, "dm-room");
  });

  it("conversations: opening the DM with B again returns the same conversation", async () => {
    await ana.page.goto("/rooms");
    const again = await openConversation(ana.page, ["Ben"], "Ben");
    expect(again).toBe(dmPath);
    await expectMessage(ana.page, "Sure, what's up?");
    await expect(directMessages(ana.page).getByRole("link").count()).resolves.toBe(1);
  });

  it("conversations: A starts a group with B and C; C sees it live and reads it", async () => {
    await ana.page.goto("/rooms");
    const groupPath = await openConversation(ana.page, ["Ben", "Cleo"], "Ben, Cleo");
    expect(groupPath).not.toBe(dmPath);
    await ana.page.getByText("3 people", { exact: true }).waitFor();
    await expectTitle(ana.page, "Ben, Cleo · Parley");
    await expect(ana.page.getByRole("button", { name: "Add people" }).count()).resolves.toBe(0);
    await sendMessage(ana.page, "Lunch on Friday?");
    await expectMessage(ana.page, "Lunch on Friday?");

    const link = conversationLink(cleo.page, "Ana, Ben");
    await link.waitFor({ timeout: 10_000 });
    await link.click();
    await cleo.page.waitForURL((url) => url.pathname === groupPath);
    await expectMessage(cleo.page, "Lunch on Friday?");
    await sendMessage(cleo.page, "Count me in");
    await expectMessage(ana.page, "Count me in");
    await screenshotBoth(ana.page, "group-dm-room");

    // The sidebar lists both, by name; on phones it is the /rooms page.
    await ana.page.goto("/rooms");
    await conversationLink(ana.page, "Ben, Cleo").waitFor();
    // The name alone (the avatar's initials and the unread badge are text too).
    const names = await directMessages(ana.page)
      .getByRole("link")
      .evaluateAll((links) => links.map((link) => link.querySelector("[data-room-name]")?.textContent));
    expect(names).toEqual(["Ben", "Ben, Cleo"]);
    await screenshotBoth(ana.page, "sidebar-dms");
  });

  it("conversations: A adds C to a channel with Add people; C sees it appear live", async () => {
    await createRoom(ana.page, CHANNEL);
    await ana.page.getByRole("button", { name: "Add people" }).click();
    const dialog = ana.page.getByRole("dialog", { name: `Add people to #${CHANNEL}` });
    await choosePeople(dialog, ["Cleo"]);
    await screenshotBoth(ana.page, "add-people");
    await dialog.getByRole("button", { name: "Add", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    await ana.page.getByRole("status").getByText(`Added Cleo to #${CHANNEL}.`).waitFor();
    await ana.page.getByText("2 members", { exact: true }).waitFor();

    const link = cleo.page.getByRole("navigation", { name: "Rooms" }).getByRole("link", { name: CHANNEL });
    await link.waitFor({ timeout: 10_000 });
    await link.click();
    await cleo.page.getByRole("heading", { name: CHANNEL, level: 1 }).waitFor();
  });

  it("conversations: a member cannot be chosen again, and a banned person is refused clearly", async () => {
    // Ben joins, then is banned: he cannot be added back.
    await joinRoom(ben.page, CHANNEL);
    await ana.page.getByRole("button", { name: "Members", exact: true }).click();
    const panel = ana.page.getByRole("complementary", { name: "Members" });
    await panel.getByRole("button", { name: "Actions for Ben" }).click();
    await ana.page.getByRole("menuitem", { name: "Ban…" }).click();
    const ban = ana.page.getByRole("dialog", { name: "Ban Ben?" });
    await ban.getByLabel("Reason").fill("Testing the add-people refusal");
    await ban.getByRole("button", { name: "Ban Ben" }).click();
    await panel.getByText("Ben was banned").waitFor();
    await panel.getByRole("button", { name: "Close members panel" }).click();

    await ana.page.getByRole("button", { name: "Add people" }).click();
    const dialog = ana.page.getByRole("dialog", { name: `Add people to #${CHANNEL}` });
    const search = dialog.getByRole("combobox", { name: "People" });
    await search.fill("Cle");
    const cleoOption = dialog.getByRole("option", { name: /Cleo/ });
    await cleoOption.getByText("Already in this room").waitFor();
    await expect(cleoOption.getAttribute("aria-disabled")).resolves.toBe("true");

    await choosePeople(dialog, ["Ben"]);
    await dialog.getByRole("button", { name: "Add", exact: true }).click();
    await dialog
      .getByRole("alert")
      .getByText("Ben is banned from this room, so they cannot be added.")
      .waitFor();
    // Ben stays chosen (nothing was done for him); the dialog stays open.
    await dialog.getByRole("list", { name: "Chosen people" }).getByText("Ben", { exact: true }).waitFor();
    await screenshotBoth(ana.page, "add-people-refused");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
  });

  it("conversations: no uncaught errors in any browser", () => {
    for (const person of [ana, ben, cleo]) expect(person.errors).toEqual([]);
  });
});
