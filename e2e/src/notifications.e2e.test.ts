import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerProcess } from "../../apps/server/src/testing/server-process";
import { browserAvailability, DESKTOP, launchBrowser, PHONE, screenshot, screenshotBoth } from "./browser";
import { createRoom, joinRoom, newPerson, openConversation, type Person, sendMessage, signUp } from "./flows";

const availability = browserAvailability();
if (!availability.run) console.warn(`[skip] browser specs: ${availability.reason}`);

const CHANNEL = "townhall";

/**
 * Runs in the page before the app: lets the test hide the tab (headless Chromium always
 * reports "visible"), and records every `new Notification(...)` while still creating the real
 * one, so the app's click handler can be fired from the test.
 */
const DESKTOP_RECORDER = `(() => {
  let hidden = false;
  Object.defineProperty(Document.prototype, "visibilityState", {
    configurable: true,
    get: () => (hidden ? "hidden" : "visible"),
  });
  Object.defineProperty(Document.prototype, "hidden", { configurable: true, get: () => hidden });
  window.__setHidden = (value) => {
    hidden = value;
    document.dispatchEvent(new Event("visibilitychange"));
  };
  window.__notifications = [];
  const Real = window.Notification;
  function Recording(title, options) {
    const record = { title, body: (options && options.body) || "", tag: (options && options.tag) || "", instance: null };
    window.__notifications.push(record);
    record.instance = new Real(title, options);
    return record.instance;
  }
  Object.defineProperty(Recording, "permission", { get: () => Real.permission });
  Recording.requestPermission = (...args) => Real.requestPermission(...args);
  Recording.prototype = Real.prototype;
  window.Notification = Recording;
})();`;

interface Recorded {
  title: string;
  body: string;
  tag: string;
}

function recorded(page: Page): Promise<Recorded[]> {
  return page.evaluate(() =>
    // biome-ignore lint/suspicious/noExplicitAny: the recorder is installed by the init script above.
    ((window as any).__notifications as Recorded[]).map(({ title, body, tag }) => ({ title, body, tag })),
  );
}

/** The sidebar's Inbox link; its name carries the unread count ("Inbox, 2 unread"). */
function inboxLink(page: Page, name: string) {
  return page.getByRole("link", { name, exact: true });
}

function inboxList(page: Page) {
  return page.getByRole("list", { name: "Notifications" });
}

/** The inbox entry whose text matches. */
function inboxEntry(page: Page, text: RegExp) {
  return inboxList(page).getByRole("link", { name: text });
}

describe.runIf(availability.run)("notifications: the inbox, desktop notifications, per-room levels", () => {
  let server: ServerProcess;
  let browser: Browser;
  let olga: Person;
  let ana: Person;
  let ben: Person;
  let roomPath = "";
  let dmPath = "";

  beforeAll(async () => {
    server = new ServerProcess();
    await server.start();
    browser = await launchBrowser();
    olga = await newPerson(browser, server.url, "Olga", DESKTOP);
    ana = await newPerson(browser, server.url, "Ana", DESKTOP);
    ben = await newPerson(browser, server.url, "Ben", DESKTOP);
    for (const person of [olga, ana, ben]) await signUp(person);
    roomPath = await createRoom(olga.page, CHANNEL);
    await joinRoom(ana.page, CHANNEL);
    await joinRoom(ben.page, CHANNEL);
  });

  afterAll(async () => {
    for (const person of [olga, ana, ben]) expect(person?.errors ?? []).toEqual([]);
    await browser?.close();
    await server?.dispose();
  });

  it("notifications: the inbox shows a skeleton while it loads, and an error with a retry", async () => {
    const { page } = ben;
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let failing = true;
    const inboxApi = /\/api\/notifications(\?|$)/;
    await page.route(inboxApi, async (route) => {
      await held;
      if (!failing) return route.fallback();
      return route.fulfill({
        status: 500,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "INTERNAL", message: "The inbox is unavailable." } }),
      });
    });
    await page.goto("/rooms/inbox");
    await page.getByText("Loading your inbox…").waitFor({ state: "attached" });
    await screenshot(page, "inbox-loading-desktop");
    release();
    // A 5xx is tried three times before the page gives up.
    await page
      .getByRole("alert")
      .filter({ hasText: "Could not load your inbox" })
      .waitFor({ timeout: 15_000 });
    await page.getByText("The inbox is unavailable.", { exact: false }).waitFor();
    await screenshotBoth(page, "inbox-error");
    failing = false;
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("heading", { name: "No mentions or direct messages yet" }).waitFor();
    await page.unroute(inboxApi);
    await page.goto(roomPath);
    await page.getByRole("heading", { name: CHANNEL, level: 1 }).waitFor();
  });

  it("notifications: an empty inbox says what will show up there", async () => {
    await inboxLink(ana.page, "Inbox").click();
    await ana.page.waitForURL((url) => url.pathname === "/rooms/inbox");
    await ana.page.getByRole("heading", { name: "Inbox", level: 1 }).waitFor();
    await ana.page.getByRole("heading", { name: "No mentions or direct messages yet" }).waitFor();
    await ana.page.getByRole("region", { name: /Desktop notifications/ }).waitFor();
    await expect(ana.page.getByRole("button", { name: "Mark all as read" }).isDisabled()).resolves.toBe(true);
    await screenshotBoth(ana.page, "inbox-empty");
  });

  it("notifications: a mention by name shows live in the badge and the inbox; opening it goes to the message and clears the badge", async () => {
    await sendMessage(ben.page, "@**Ana** can you review the plan?");
    await inboxLink(ana.page, "Inbox, 1 unread").waitFor({ timeout: 10_000 });
    const entry = inboxEntry(ana.page, /Ben mentioned you in #townhall/);
    await entry.getByText("@Ana can you review the plan?").waitFor();
    await entry.getByText("Unread").waitFor();

    await entry.click();
    await ana.page.waitForURL((url) => url.pathname === roomPath && /^\?seq=\d+$/.test(url.search));
    await ana.page.getByRole("heading", { name: CHANNEL, level: 1 }).waitFor();
    await inboxLink(ana.page, "Inbox").waitFor({ timeout: 10_000 });

    // Back in the inbox the entry stays, read.
    await inboxLink(ana.page, "Inbox").click();
    await entry.waitFor();
    await expect(entry.getByText("Unread").count()).resolves.toBe(0);
  });

  it("notifications: a direct message shows in the inbox; mark all as read clears it", async () => {
    dmPath = await openConversation(ben.page, ["Ana"], "Ana");
    await sendMessage(ben.page, "Lunch at noon?");
    const entry = inboxEntry(ana.page, /Ben · direct message/);
    await entry.getByText("Lunch at noon?").waitFor({ timeout: 10_000 });
    await inboxLink(ana.page, "Inbox, 1 unread").waitFor();
    // The newest first.
    await expect(inboxList(ana.page).getByRole("link").first().textContent()).resolves.toContain(
      "Lunch at noon?",
    );
    await screenshotBoth(ana.page, "inbox-entries");

    await ana.page.getByRole("button", { name: "Mark all as read" }).click();
    await inboxLink(ana.page, "Inbox").waitFor();
    await expect(entry.getByText("Unread").count()).resolves.toBe(0);
    await ana.page.reload();
    await entry.waitFor();
    await inboxLink(ana.page, "Inbox").waitFor();
    await expect(entry.getByText("Unread").count()).resolves.toBe(0);
  });

  it("notifications: a muted room's @room does not reach me; a mention by name still does", async () => {
    await ana.page.goto(roomPath);
    await ana.page.getByRole("heading", { name: CHANNEL, level: 1 }).waitFor();
    const bell = ana.page.getByRole("button", { name: "Notifications: Mentions only" });
    await bell.click();
    const menu = ana.page.getByRole("menu", { name: "Notify me about" });
    await expect(
      menu.getByRole("menuitemradio", { name: "Mentions only" }).getAttribute("aria-checked"),
    ).resolves.toBe("true");
    await screenshot(ana.page, "notify-level-menu-desktop");
    await ana.page.keyboard.press("Escape");
    await ana.page.setViewportSize(PHONE);
    await bell.click();
    await menu.waitFor();
    await screenshot(ana.page, "notify-level-menu-phone");
    await menu.getByRole("menuitemradio", { name: "Mute" }).click();
    await ana.page.getByRole("button", { name: "Notifications: Mute" }).waitFor();
    await ana.page.setViewportSize(DESKTOP);
    const row = ana.page
      .getByRole("navigation", { name: "Rooms" })
      .getByRole("link", { name: /^townhall \(muted\)/ });
    await row.waitFor();
    // The server has it: still muted after a reload.
    await ana.page.reload();
    await ana.page.getByRole("button", { name: "Notifications: Mute" }).waitFor();

    await inboxLink(ana.page, "Inbox").click();
    await inboxList(ana.page).waitFor();
    await sendMessage(olga.page, "@room fire drill at 3");
    // One job writes every recipient's entry: once Ben has it, Ana's was decided too.
    await ben.page.goto("/rooms/inbox");
    await inboxEntry(ben.page, /Olga · @room in #townhall/).waitFor({ timeout: 10_000 });
    await ana.page.reload();
    await inboxList(ana.page).waitFor();
    await expect(inboxList(ana.page).getByText("fire drill", { exact: false }).count()).resolves.toBe(0);
    await inboxLink(ana.page, "Inbox").waitFor();

    await sendMessage(olga.page, "@**Ana** the drill includes you");
    await inboxEntry(ana.page, /Olga mentioned you in #townhall/).waitFor({ timeout: 10_000 });
    await inboxLink(ana.page, "Inbox, 1 unread").waitFor();
  });

  it("notifications: older entries load page by page as the list scrolls into view", async () => {
    const { page } = ana;
    // The real server, with one entry a page instead of thirty, so three entries make three pages.
    const cursors: (string | null)[] = [];
    const inboxApi = /\/api\/notifications\?/;
    await page.route(inboxApi, (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set("limit", "1");
      cursors.push(url.searchParams.get("before"));
      return route.continue({ url: url.toString() });
    });
    await page.reload();
    await page.getByText("That is everything.").waitFor({ timeout: 10_000 });
    await expect(inboxList(page).getByRole("link").allTextContents()).resolves.toEqual([
      expect.stringContaining("Olga mentioned you in #townhall"),
      expect.stringContaining("Ben · direct message"),
      expect.stringContaining("Ben mentioned you in #townhall"),
    ]);
    expect(cursors[0]).toBeNull();
    expect(cursors.filter((c) => c !== null)).toHaveLength(2);
    await page.unroute(inboxApi);
  });

  it("notifications: a hidden tab shows a desktop notification once per message, not for a muted room, and its click opens the message", async () => {
    await ana.context.grantPermissions(["notifications"], { origin: server.url });
    const tab = await ana.context.newPage();
    tab.on("pageerror", (error) => ana.errors.push(String(error)));
    await tab.addInitScript(DESKTOP_RECORDER);
    await tab.goto("/rooms/inbox");
    const control = tab.getByRole("region", { name: /Desktop notifications/ });
    await control.getByText("On", { exact: true }).waitFor();
    await control.getByRole("button", { name: "Turn off" }).waitFor();
    await screenshot(tab, "inbox-desktop-on-desktop");
    await inboxList(tab).waitFor();
    await tab.evaluate(() => (window as unknown as { __setHidden: (h: boolean) => void }).__setHidden(true));

    // A direct message (level "all"): the live message and its inbox entry, one notification.
    await ben.page.goto(dmPath);
    await sendMessage(ben.page, "Are you around?");
    await expect
      .poll(async () => (await recorded(tab)).filter((n) => n.body === "Are you around?"), {
        timeout: 10_000,
      })
      .toEqual([
        {
          title: "Ben · direct message",
          body: "Are you around?",
          tag: expect.stringMatching(/^parley-room-/),
        },
      ]);
    await inboxList(tab).getByText("Are you around?").waitFor({ timeout: 10_000 });
    await tab.waitForTimeout(500);
    expect((await recorded(tab)).filter((n) => n.body === "Are you around?")).toHaveLength(1);

    // The muted channel: silent, except for a mention by name.
    await ben.page.goto(roomPath);
    await sendMessage(ben.page, "just chatting");
    await sendMessage(ben.page, "@**Ana** this one is for you");
    await expect
      .poll(async () => (await recorded(tab)).map((n) => n.title), { timeout: 10_000 })
      .toContain("Ben mentioned you in #townhall");
    expect((await recorded(tab)).map((n) => n.body)).not.toContain("just chatting");
    await inboxList(tab).getByText("@Ana this one is for you").waitFor({ timeout: 10_000 });
    await tab.waitForTimeout(500);
    expect((await recorded(tab)).filter((n) => n.body === "@Ana this one is for you")).toHaveLength(1);

    // Clicking the notification opens the message.
    await tab.evaluate(() => {
      // biome-ignore lint/suspicious/noExplicitAny: the recorder is installed by the init script above.
      const records = (window as any).__notifications as { instance: Notification | null }[];
      const last = records.at(-1)?.instance;
      last?.onclick?.call(last, new Event("click"));
    });
    await tab.waitForURL((url) => url.pathname === roomPath && /^\?seq=\d+$/.test(url.search));
    await tab.close();
  });
});
