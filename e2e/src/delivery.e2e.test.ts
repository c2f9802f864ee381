import { API, CSRF_HEADER, CSRF_HEADER_VALUE } from "@parley/protocol";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerProcess } from "../../apps/server/src/testing/server-process";
import { browserAvailability, DESKTOP, launchBrowser, PHONE, screenshot, screenshotBoth } from "./browser";
import {
  createRoom,
  expectMessage,
  joinRoom,
  messageBodies,
  messageLog,
  messageRow,
  newPerson,
  type Person,
  sendMessage,
  signUp,
} from "./flows";
import { SocketSwitch } from "./socket-switch";

const availability = browserAvailability();
if (!availability.run) console.warn(`[skip] browser specs: ${availability.reason}`);

/** Reconnecting waits out a backoff of up to several seconds after a long outage. */
const RECONNECT_MS = 30_000;
const OFFLINE_TEXT = "Offline — messages will be sent when you reconnect";

/** The status shown under my message with this body: "pending", "delivered", … or none. */
function statusOf(page: Page, body: string, status: string) {
  return messageRow(page, body).locator(`[data-status="${status}"]`);
}

/** Waits until these bodies are all in the log; then checks each is there once, in this order. */
async function expectInOrderOnce(page: Page, bodies: string[]): Promise<void> {
  for (const body of bodies) await expectMessage(page, body, RECONNECT_MS);
  const shown = (await messageBodies(page)).filter((body) => bodies.includes(body));
  expect(shown).toEqual(bodies);
}

/** What the app stored in IndexedDB for unsent messages (the app has created the database). */
function storedOutbox(page: Page): Promise<{ body: string; status: string }[]> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((db) => db.name);
    if (!names.includes("parley-outbox")) return [];
    return new Promise((resolve, reject) => {
      const open = indexedDB.open("parley-outbox");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const all = db.transaction("entries").objectStore("entries").getAll();
        all.onerror = () => reject(all.error);
        all.onsuccess = () => {
          db.close();
          resolve(
            (all.result as { body: string; status: string; createdAt: string }[])
              .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
              .map(({ body, status }) => ({ body, status })),
          );
        };
      };
    });
  });
}

describe.runIf(availability.run)("delivery: statuses, offline outbox, several tabs", () => {
  let server: ServerProcess;
  let browser: Browser;
  let ana: Person;
  let ben: Person;
  let socket: SocketSwitch;
  let teamUrl = "";

  beforeAll(async () => {
    server = new ServerProcess();
    await server.start();
    browser = await launchBrowser();
    ana = await newPerson(browser, server.url, "Ana", DESKTOP);
    socket = await SocketSwitch.install(ana.context);
    ben = await newPerson(browser, server.url, "Ben", PHONE);
    await signUp(ana);
    teamUrl = await createRoom(ana.page, "team");
    await signUp(ben);
    await joinRoom(ben.page, "team");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("delivery: my message shows Delivered once the other member's device has it", async () => {
    await sendMessage(ana.page, "Morning, Ben");
    await expectMessage(ben.page, "Morning, Ben");
    const delivered = statusOf(ana.page, "Morning, Ben", "delivered");
    await delivered.waitFor({ timeout: 10_000 });
    await expect(delivered.textContent()).resolves.toBe("Delivered");
    await screenshotBoth(ana.page, "delivery-delivered");
    // A fresh page load knows it too, even when the room is opened after the socket synced
    // (the client syncs again with the room's cursor, and the server answers with `delivered`).
    const since = socket.frames.length;
    await ana.page.goto("/rooms");
    await socket.waitForFrame("server:sync.done", since);
    await ana.page.getByRole("navigation", { name: "Rooms" }).getByRole("link", { name: /team/ }).click();
    await statusOf(ana.page, "Morning, Ben", "delivered").waitFor({ timeout: 10_000 });
  });

  it("delivery: with the socket down, three messages wait, survive a reload, show in a second tab, and arrive once, in order", async () => {
    const bodies = ["Queued one", "Queued two", "Queued three"];
    await socket.cut();
    await ana.page.getByRole("status").getByText("Reconnecting…").waitFor();
    for (const body of bodies) {
      await sendMessage(ana.page, body);
      await statusOf(ana.page, body, "pending").waitFor();
    }
    await expect(statusOf(ana.page, "Queued one", "pending").textContent()).resolves.toBe("Sending…");
    await screenshotBoth(ana.page, "delivery-pending");

    // The reload: the page comes back (HTTP works), the socket still does not.
    await ana.page.reload();
    for (const body of bodies) await statusOf(ana.page, body, "pending").waitFor();
    await expect(storedOutbox(ana.page)).resolves.toEqual(bodies.map((body) => ({ body, status: "queued" })));

    // A second tab of the same user shows the same unsent messages.
    const second = await ana.context.newPage();
    second.on("pageerror", (error) => ana.errors.push(String(error)));
    await second.goto(teamUrl);
    for (const body of bodies) await statusOf(second, body, "pending").waitFor();

    // Nothing has reached Ben so far.
    await expect(messageBodies(ben.page)).resolves.not.toContain("Queued one");

    // Both tabs reconnect and both send the queue (the server deduplicates by clientId).
    socket.restore();
    await expectInOrderOnce(ben.page, bodies);
    for (const page of [ana.page, second]) {
      await statusOf(page, "Queued three", "delivered").waitFor({ timeout: RECONNECT_MS });
      await expect(messageLog(page).locator('[data-status="pending"]').count()).resolves.toBe(0);
      await expectInOrderOnce(page, bodies);
    }
    await expect(storedOutbox(ana.page)).resolves.toEqual([]);
    await second.close();
  });

  it("delivery: offline in the browser, the status says so, messages queue and go out in order when back", async () => {
    const bodies = ["Offline one", "Offline two", "Offline three"];
    await ana.context.setOffline(true);
    await ana.page.getByRole("status").getByText(OFFLINE_TEXT).waitFor();
    for (const body of bodies) {
      await sendMessage(ana.page, body);
      await statusOf(ana.page, body, "pending").waitFor();
    }
    await screenshot(ana.page, "delivery-offline-desktop");
    // Nothing leaked out while offline.
    await expect(messageBodies(ben.page)).resolves.not.toContain("Offline one");

    await ana.context.setOffline(false);
    await expectInOrderOnce(ben.page, bodies);
    await statusOf(ana.page, "Offline three", "delivered").waitFor({ timeout: RECONNECT_MS });
    await expect(ana.page.getByRole("status").getByText(OFFLINE_TEXT).count()).resolves.toBe(0);
  });

  it("delivery: a send refused for good shows Failed, with Retry and Delete", async () => {
    // Ben opens a second room; Ana joins it and writes there while her socket is down.
    await ben.page.goto("/rooms");
    const sideUrl = await createRoom(ben.page, "side");
    const sideId = sideUrl.split("/").at(-1) ?? "";
    await joinRoom(ana.page, "side");
    await socket.cut();
    await sendMessage(ana.page, "Side note one");
    await sendMessage(ana.page, "Side note two");
    await statusOf(ana.page, "Side note two", "pending").waitFor();

    // Meanwhile Ana leaves the room on another device; this tab does not hear of it.
    const left = await ana.page.request.post(API.leaveRoom(sideId), {
      headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
      data: {},
    });
    expect(left.ok()).toBe(true);

    // Back in the other room, the socket returns: the server refuses both sends for good.
    await ana.page.goto(teamUrl);
    socket.restore();
    await expect
      .poll(() => storedOutbox(ana.page), { timeout: RECONNECT_MS })
      .toEqual([
        { body: "Side note one", status: "failed" },
        { body: "Side note two", status: "failed" },
      ]);

    // Ana rejoins: her refused messages wait there, failed, with Retry and Delete.
    await ana.page.goto(sideUrl);
    await ana.page.getByRole("button", { name: "Join room" }).click();
    const failed = statusOf(ana.page, "Side note one", "failed");
    await failed.waitFor();
    await expect(failed.textContent()).resolves.toMatch(/^Failed to send: /);
    await screenshotBoth(ana.page, "delivery-failed");

    await messageRow(ana.page, "Side note two").getByRole("button", { name: "Delete" }).click();
    await messageRow(ana.page, "Side note two").waitFor({ state: "detached" });
    await messageRow(ana.page, "Side note one").getByRole("button", { name: "Retry" }).click();
    await statusOf(ana.page, "Side note one", "delivered").waitFor({ timeout: 10_000 });
    await expectInOrderOnce(ben.page, ["Side note one"]);
    await expect(messageBodies(ben.page)).resolves.not.toContain("Side note two");
    await expect(storedOutbox(ana.page)).resolves.toEqual([]);
  });

  it("delivery: no uncaught errors in any tab", () => {
    expect(ana.errors).toEqual([]);
    expect(ben.errors).toEqual([]);
  });
});
