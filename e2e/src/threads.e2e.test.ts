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

const ROOM = "lunch";
const ROOT = "Who is up for lunch on Friday?";

function threadPanel(page: Page) {
  return page.getByTestId("thread-panel");
}

function threadReplies(page: Page) {
  return threadPanel(page).getByRole("log", { name: "Replies" });
}

async function replyInThread(page: Page, text: string): Promise<void> {
  const box = threadPanel(page).getByRole("textbox", { name: "Reply in thread" });
  await box.fill(text);
  await box.press("Enter");
}

describe.runIf(availability.run)("threads", () => {
  let server: ServerProcess;
  let browser: Browser;
  let ana: Person;
  let ben: Person;
  let roomPath = "";

  beforeAll(async () => {
    server = new ServerProcess();
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

  it("threads: Ana starts a thread on Ben's message in the side panel; Ben sees '1 reply' live, opens it and answers", async () => {
    // Before any thread: the Threads view says what it is for.
    await ana.page.goto("/rooms/threads");
    await ana.page.getByRole("heading", { name: "No threads yet" }).waitFor();
    await screenshotBoth(ana.page, "threads-view-empty");
    await ana.page.goto(roomPath);

    await sendMessage(ben.page, ROOT);
    await expectMessage(ana.page, ROOT);

    await messageRow(ana.page, ROOT).hover();
    await ana.page.getByRole("button", { name: "Reply in thread" }).click();
    await ana.page.waitForURL(/\?thread=[0-9a-f-]{36}$/);
    const panel = threadPanel(ana.page);
    await panel.getByRole("heading", { name: "Thread" }).waitFor();
    await panel.getByText(ROOT, { exact: true }).waitFor();
    await panel.getByText("No replies yet").waitFor();
    // Beside the room on a desktop: the timeline stays visible.
    await messageLog(ana.page).waitFor();
    await replyInThread(ana.page, "Count me in — tacos?");
    await threadReplies(ana.page).getByText("Count me in — tacos?", { exact: true }).waitFor();
    await panel.getByRole("button", { name: "Following" }).waitFor();
    // The reply lives in the thread, not in the room's timeline; the root says so.
    await messageRow(ana.page, ROOT)
      .getByRole("button", { name: /^1 reply from Ana/ })
      .waitFor();
    await expect(messageLog(ana.page).getByText("Count me in — tacos?").count()).resolves.toBe(0);

    // Ben, with the room open, sees the summary appear live under his message.
    const summary = messageRow(ben.page, ROOT).getByRole("button", { name: /^1 reply from Ana/ });
    await summary.waitFor({ timeout: 10_000 });
    await screenshotBoth(ben.page, "thread-root-summary");
    await summary.click();
    await ben.page.waitForURL(/\?thread=/);
    await threadReplies(ben.page).getByText("Count me in — tacos?", { exact: true }).waitFor();
    // Ben wrote the root: he follows the thread without doing anything.
    await threadPanel(ben.page).getByRole("button", { name: "Following" }).waitFor();

    // Ana closes her panel (back to the room alone) before Ben answers.
    await threadPanel(ana.page).getByRole("button", { name: "Close thread" }).click();
    await threadPanel(ana.page).waitFor({ state: "detached" });
    expect(new URL(ana.page.url()).search).toBe("");

    await replyInThread(ben.page, "Tacos it is, 12:30");
    await threadReplies(ben.page).getByText("Tacos it is, 12:30", { exact: true }).waitFor();
    await screenshotBoth(ben.page, "thread-panel");
    await messageRow(ana.page, ROOT)
      .getByRole("button", { name: /^2 replies from Ben, Ana/ })
      .waitFor({
        timeout: 10_000,
      });
  });

  it("threads: the Threads view lists it unread for Ana until she opens it", async () => {
    const link = ana.page.getByRole("link", { name: /^Threads/ });
    await ana.page.getByRole("link", { name: "Threads, 1 unread" }).waitFor({ timeout: 10_000 });
    await link.click();
    await ana.page.waitForURL(/\/rooms\/threads$/);
    await ana.page.getByRole("heading", { name: "Threads", level: 1 }).waitFor();
    const card = ana.page.getByTestId("thread-card").filter({ hasText: ROOT });
    await card.getByText("1 new").waitFor();
    await expect(card.getAttribute("data-unread")).resolves.toBe("true");
    await screenshotBoth(ana.page, "threads-view");

    await card.click();
    await ana.page.waitForURL(/\?thread=/);
    await threadReplies(ana.page).getByText("Tacos it is, 12:30", { exact: true }).waitFor();
    // Opening it read it: the badge goes, and the card is read when she comes back.
    await ana.page.getByRole("link", { name: "Threads", exact: true }).waitFor({ timeout: 10_000 });
    await ana.page.getByRole("link", { name: "Threads", exact: true }).click();
    await ana.page.waitForURL(/\/rooms\/threads$/);
    const read = ana.page.getByTestId("thread-card").filter({ hasText: ROOT });
    await read.waitFor();
    await expect(read.getAttribute("data-unread")).resolves.toBe("false");
    await expect(read.getByText("1 new").count()).resolves.toBe(0);
  });

  it("threads: Ben's inbox entry for Ana's reply opens the thread", async () => {
    await ben.page.goto("/rooms/inbox");
    await ben.page.getByRole("list", { name: "Notifications" }).getByText("Count me in — tacos?").click();
    await ben.page.waitForURL(/\?thread=[0-9a-f-]{36}$/);
    await threadReplies(ben.page).getByText("Count me in — tacos?", { exact: true }).waitFor();
    // The reply is not a timeline row: the room shows the root with its summary.
    await messageRow(ben.page, ROOT)
      .getByRole("button", { name: /^2 replies/ })
      .waitFor();
    // Unfollow and follow again from the panel.
    await threadPanel(ben.page).getByRole("button", { name: "Following" }).click();
    await threadPanel(ben.page).getByRole("button", { name: "Follow", exact: true }).click();
    await threadPanel(ben.page).getByRole("button", { name: "Following" }).waitFor();
  });

  it("threads: on a phone the thread is full screen, with a back button to the room", async () => {
    await ben.page.setViewportSize(PHONE);
    await ben.page.goto(roomPath);
    await expectMessage(ben.page, ROOT);
    await messageRow(ben.page, ROOT)
      .getByRole("button", { name: /^2 replies/ })
      .click();
    const panel = threadPanel(ben.page);
    await threadReplies(ben.page).getByText("Tacos it is, 12:30", { exact: true }).waitFor();
    const box = await panel.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: PHONE.width, height: PHONE.height });
    await screenshot(ben.page, "thread-panel-full-phone");
    await panel.getByRole("button", { name: `Back to #${ROOM}` }).click();
    await panel.waitFor({ state: "detached" });
    expect(new URL(ben.page.url()).pathname).toBe(roomPath);
    expect(new URL(ben.page.url()).search).toBe("");
    await expectMessage(ben.page, ROOT);
    // The browser's own Back works too: it reopens nothing, and Forward brings the thread back.
    await ben.page.goForward();
    await threadReplies(ben.page).getByText("Tacos it is, 12:30", { exact: true }).waitFor();
    await ben.page.goBack();
    await panel.waitFor({ state: "detached" });
    await ben.page.setViewportSize(DESKTOP);
    expect([...ana.errors, ...ben.errors]).toEqual([]);
  });
});
