import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIFTED_RATE_LIMIT_ENV } from "../../apps/server/src/testing/lifted-rate-limits";
import { ServerProcess } from "../../apps/server/src/testing/server-process";
import { browserAvailability, DESKTOP, launchBrowser, PHONE, screenshot } from "./browser";
import { createRoom, expectMessage, joinRoom, messageRow, newPerson, type Person, signUp } from "./flows";

const availability = browserAvailability();
if (!availability.run) console.warn(`[skip] browser specs: ${availability.reason}`);

const ROOM = "search-room";
const TARGET = "Redeployment of the payments service finished at 14:02";
/** Posted after the target, so opening the result must load older history to reach it. */
const FILLERS = 70;

/** Posts straight through the API from this page's session (fast: no typing per message). */
async function post(page: Page, roomId: string, bodies: string[]): Promise<void> {
  await page.evaluate(
    async ({ roomId, bodies }) => {
      for (const body of bodies) {
        const res = await fetch(`/api/rooms/${roomId}/messages`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-parley-csrf": "1" },
          body: JSON.stringify({ clientId: crypto.randomUUID(), body }),
        });
        if (!res.ok) throw new Error(`post failed: ${res.status}`);
      }
    },
    { roomId, bodies },
  );
}

/**
 * Waits until search finds `q` for this page's user, through the API: new messages are indexed
 * by a background job a moment after they are stored (a window of 100 ms in these specs).
 */
async function indexed(page: Page, q: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = await page.evaluate(async (q) => {
      const res = await fetch(`/api/search?${new URLSearchParams({ q })}`);
      return ((await res.json()) as { results: unknown[] }).results.length;
    }, q);
    if (found > 0) return;
    if (Date.now() > deadline) throw new Error(`"${q}" was not searchable within 10 s`);
    await page.waitForTimeout(100);
  }
}

function searchDialog(page: Page) {
  return page.getByRole("dialog", { name: "Search messages" });
}

function results(page: Page) {
  return searchDialog(page).getByRole("listbox", { name: "Results" }).getByRole("option");
}

describe.runIf(availability.run)("search: finding messages and jumping to them", () => {
  let server: ServerProcess;
  let browser: Browser;
  let ana: Person;
  let ben: Person;
  let roomPath = "";

  beforeAll(async () => {
    // 70 messages are posted in a moment to build history: the posting rate limit is lifted.
    server = new ServerProcess(LIFTED_RATE_LIMIT_ENV);
    await server.start();
    browser = await launchBrowser();
    ana = await newPerson(browser, server.url, "Ana", DESKTOP);
    ben = await newPerson(browser, server.url, "Ben", DESKTOP);
    for (const person of [ana, ben]) await signUp(person);
    roomPath = await createRoom(ana.page, ROOM);
    await joinRoom(ben.page, ROOM);
    const roomId = roomPath.split("/").pop() ?? "";
    await post(ana.page, roomId, [TARGET]);
    await post(
      ana.page,
      roomId,
      Array.from({ length: FILLERS }, (_, i) => `filler message number ${i + 1}`),
    );
    await expectMessage(ben.page, `filler message number ${FILLERS}`);
    await indexed(ana.page, `filler message number ${FILLERS}`);
    await indexed(ana.page, TARGET);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    for (const person of [ana, ben]) expect(person?.errors ?? []).toEqual([]);
  });

  it("search: a word finds the message as you type, marked; Enter opens the room at it, loading history back", async () => {
    const page = ben.page;
    await page.goto("/rooms/browse");
    await page.getByRole("button", { name: "Search messages" }).click();
    const box = searchDialog(page).getByRole("combobox", { name: "Search messages" });
    await box.pressSequentially("deploy", { delay: 30 });
    await expect.poll(() => results(page).count(), { timeout: 10_000 }).toBe(1);
    const hit = results(page).first();
    await expect(hit.locator("mark").textContent()).resolves.toBe("deploy");
    await expect(hit.textContent()).resolves.toContain(ROOM);
    await expect(hit.textContent()).resolves.toContain("Ana");
    await screenshot(page, "search-results-desktop");

    await box.press("Enter");
    await page.waitForURL((url) => url.pathname === roomPath);
    await expect(searchDialog(page).isVisible()).resolves.toBe(false);
    const row = messageRow(page, TARGET);
    await row.waitFor({ timeout: 10_000 });
    // In view (the jump scrolled to it), though 70 newer messages follow it.
    await expect
      .poll(() =>
        row.evaluate((el) => {
          const box = el.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);
  });

  it("search: a part of a word finds it too; the arrows choose a result and a click opens it", async () => {
    const page = ben.page;
    await page.goto("/rooms/browse");
    // Ctrl+K works once the page is interactive (hydrated): pressed again until it opens.
    await expect
      .poll(async () => {
        await page.keyboard.press("Control+k");
        return searchDialog(page).isVisible();
      })
      .toBe(true);
    const box = searchDialog(page).getByRole("combobox", { name: "Search messages" });
    await box.fill("ayment");
    await expect.poll(() => results(page).count(), { timeout: 10_000 }).toBe(1);
    await expect(results(page).first().locator("mark").textContent()).resolves.toBe("ayment");
    // Several results: arrows move the choice.
    await box.fill("filler number 7");
    await expect.poll(() => results(page).count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await expect(results(page).first().getAttribute("aria-selected")).resolves.toBe("true");
    await box.press("ArrowDown");
    await expect(results(page).nth(1).getAttribute("aria-selected")).resolves.toBe("true");
    await box.press("Escape");
    await expect.poll(() => searchDialog(page).isVisible()).toBe(false);
    // Opened again, it still holds the search.
    await page.getByRole("button", { name: "Search messages" }).click();
    await expect(box.inputValue()).resolves.toBe("filler number 7");
    await box.fill("payments");
    await expect.poll(() => results(page).count(), { timeout: 10_000 }).toBe(1);
    await results(page).first().click();
    await page.waitForURL((url) => url.pathname === roomPath);
    await messageRow(page, TARGET).waitFor({ timeout: 10_000 });
  });

  it("search: a private room's message is not found by someone outside it; the empty state says why", async () => {
    const privateId = await ana.page.evaluate(async () => {
      const res = await fetch("/api/rooms", {
        method: "POST",
        headers: { "content-type": "application/json", "x-parley-csrf": "1" },
        body: JSON.stringify({ name: "board-only", visibility: "private" }),
      });
      return ((await res.json()) as { room: { id: string } }).room.id;
    });
    await post(ana.page, privateId, ["quarterly quartz figures are confidential"]);
    await indexed(ana.page, "quartz");
    // Ana finds it, Ben does not.
    for (const [person, expected] of [
      [ana, 1],
      [ben, 0],
    ] as const) {
      await person.page.goto("/rooms/browse");
      await person.page.getByRole("button", { name: "Search messages" }).click();
      await searchDialog(person.page).getByRole("combobox", { name: "Search messages" }).fill("quartz");
      if (expected === 1) await expect.poll(() => results(person.page).count(), { timeout: 10_000 }).toBe(1);
      else
        await searchDialog(person.page).getByText("No messages match “quartz”").waitFor({ timeout: 10_000 });
      await expect(results(person.page).count()).resolves.toBe(expected);
    }
    await screenshot(ben.page, "search-empty-desktop");
    await ben.page.keyboard.press("Escape");
  });

  it("search: on a phone an icon in the room header opens the search full screen", async () => {
    const page = ben.page;
    await page.setViewportSize(PHONE);
    try {
      await page.goto(roomPath);
      await page.getByRole("heading", { name: ROOM, level: 1 }).waitFor();
      await screenshot(page, "search-button-phone");
      await page.getByRole("button", { name: "Search messages" }).click();
      const dialog = searchDialog(page);
      const size = await dialog.boundingBox();
      expect(size?.width).toBe(PHONE.width);
      const box = dialog.getByRole("combobox", { name: "Search messages" });
      await box.fill("deploy");
      await expect.poll(() => results(page).count(), { timeout: 10_000 }).toBe(1);
      await screenshot(page, "search-results-phone");
      await box.fill("nothing-like-this");
      await dialog.getByText("No messages match “nothing-like-this”").waitFor({ timeout: 10_000 });
      await screenshot(page, "search-empty-phone");
      await box.fill("deploy");
      await expect.poll(() => results(page).count(), { timeout: 10_000 }).toBe(1);
      await results(page).first().click();
      await messageRow(page, TARGET).waitFor({ timeout: 10_000 });
    } finally {
      await page.setViewportSize(DESKTOP);
    }
  });
});
