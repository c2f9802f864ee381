import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerProcess } from "../../apps/server/src/testing/server-process";
import { browserAvailability, launchBrowser, PHONE, screenshot } from "./browser";
import { createRoom, expectMessage, sendMessage, signUp } from "./flows";

const availability = browserAvailability();
if (!availability.run) console.warn(`[skip] browser specs: ${availability.reason}`);

/** A finger on the screen, moved in steps of ~16 ms (one frame each), as a real swipe would. */
async function swipe(
  cdp: CDPSession,
  from: { x: number; y: number },
  to: { x: number; y: number },
  steps = 12,
  release = true,
) {
  const point = (x: number, y: number) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: point(from.x, from.y) });
  for (let i = 1; i <= steps; i++) {
    const x = from.x + ((to.x - from.x) * i) / steps;
    const y = from.y + ((to.y - from.y) * i) / steps;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: point(x, y) });
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
  if (release) await lift(cdp);
}

async function lift(cdp: CDPSession) {
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

describe.runIf(availability.run)("phone: one pane at a time, swipe back from the edge", () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;
  let roomUrl = "";

  beforeAll(async () => {
    server = new ServerProcess();
    await server.start();
    browser = await launchBrowser();
    context = await browser.newContext({
      baseURL: server.url,
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
    });
    page = await context.newPage();
    cdp = await context.newCDPSession(page);
    await signUp({ context, page, name: "Pia", email: `pia-${Date.now()}@example.test`, errors: [] });
    roomUrl = await createRoom(page, "pocket-room");
    await sendMessage(page, "hello from a phone");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("phone: a short swipe from the left edge springs back; the room stays open", async () => {
    await page.goto(roomUrl);
    await expectMessage(page, "hello from a phone");
    await swipe(cdp, { x: 4, y: 420 }, { x: 70, y: 424 }, 10);
    // Slow and short: not far enough to mean back.
    await page.waitForTimeout(400);
    expect(new URL(page.url()).pathname).toBe(new URL(roomUrl, server.url).pathname);
    await expect(page.locator("main").evaluate((el) => el.style.transform)).resolves.toBe("");
  });

  it("phone: a vertical move from the edge scrolls, it does not go back", async () => {
    await swipe(cdp, { x: 6, y: 600 }, { x: 20, y: 300 }, 8);
    await page.waitForTimeout(400);
    expect(new URL(page.url()).pathname).toBe(new URL(roomUrl, server.url).pathname);
  });

  it("phone: swiping from the left edge closes a thread to its room", async () => {
    const rootId = await page.evaluate(async (path) => {
      const roomId = path.split("/").pop() ?? "";
      const res = await fetch(`/api/rooms/${roomId}/messages`);
      const body = (await res.json()) as { messages: Array<{ id: string; body: string }> };
      return body.messages.find((m) => m.body === "hello from a phone")?.id ?? "";
    }, new URL(roomUrl, server.url).pathname);
    await page.goto(`${roomUrl}?thread=${rootId}`);
    const panel = page.getByTestId("thread-panel");
    await panel.waitFor();
    await swipe(cdp, { x: 4, y: 420 }, { x: 300, y: 430 });
    await panel.waitFor({ state: "detached", timeout: 10_000 });
    const url = new URL(page.url());
    expect([url.pathname, url.searchParams.has("thread")]).toEqual([
      new URL(roomUrl, server.url).pathname,
      false,
    ]);
    await expectMessage(page, "hello from a phone");
  });

  it("phone: swiping from the left edge drags the room away and shows the room list", async () => {
    // Mid-swipe, the room list shows beneath the room as it slides away.
    await swipe(cdp, { x: 4, y: 420 }, { x: 220, y: 430 }, 12, false);
    const list = page.getByRole("navigation", { name: "Rooms" });
    await list.getByRole("link", { name: /^pocket-room/ }).waitFor();
    await expect(page.locator("main").evaluate((el) => el.style.transform)).resolves.toBe(
      "translateX(216px)",
    );
    await screenshot(page, "swipe-back-dragging-phone");
    await lift(cdp);
    await page.waitForURL((url) => url.pathname === "/rooms", { timeout: 10_000 });
    await list.getByRole("link", { name: /^pocket-room/ }).waitFor();
    await screenshot(page, "swipe-back-phone");
    // And into the room again: the pane is back in its place, not left dragged away.
    await list.getByRole("link", { name: /^pocket-room/ }).click();
    await expectMessage(page, "hello from a phone");
    await expect(page.locator("main").evaluate((el) => el.style.transform)).resolves.toBe("");
  });
});
