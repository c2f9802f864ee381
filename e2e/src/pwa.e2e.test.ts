import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerProcess } from "../../apps/server/src/testing/server-process";
import { browserAvailability, DESKTOP, launchBrowser, PHONE, screenshot, screenshotBoth } from "./browser";
import {
  createRoom,
  expectMessage,
  joinRoom,
  messageBodies,
  newPerson,
  type Person,
  sendMessage,
  signUp,
} from "./flows";

const availability = browserAvailability();
if (!availability.run) console.warn(`[skip] browser specs: ${availability.reason}`);

const ROOM = "pwa-room";
/** The connection status line while offline (realtime/connection-status.tsx). */
const OFFLINE_TEXT = "Offline — messages will be sent when you reconnect";
const IPHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Records CSP violations in every document this person's pages load. */
async function watchCsp(person: Person): Promise<string[]> {
  const violations: string[] = [];
  await person.context.exposeBinding("__reportViolation", (_source, text: string) => {
    violations.push(text);
  });
  await person.context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportViolation: (text: string) => void }).__reportViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI} ${event.sample}`);
    });
  });
  return violations;
}

/** The URLs in one of the service worker's caches. */
function cachedUrls(page: Page, cacheName: string): Promise<string[]> {
  return page.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((request) => new URL(request.url).pathname + new URL(request.url).search);
  }, cacheName);
}

/** Waits until every image on the page has loaded (a screenshot of a half-loaded page is no use). */
async function imagesLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    Array.from(document.images).every((image) => image.complete && image.naturalWidth > 0),
  );
}

/** Pretends Chromium offered to install the app (headless Chromium never does by itself). */
async function offerInstall(page: Page): Promise<void> {
  await page.evaluate(() => {
    const event = new Event("beforeinstallprompt", { cancelable: true }) as Event & Record<string, unknown>;
    const win = window as unknown as { __prompted?: number };
    win.__prompted = 0;
    event.prompt = async () => {
      win.__prompted = (win.__prompted ?? 0) + 1;
    };
    event.userChoice = Promise.resolve({ outcome: "dismissed" });
    window.dispatchEvent(event);
  });
}

describe.runIf(availability.run)("pwa: manifest, service worker, offline view, install hint", () => {
  let server: ServerProcess;
  let browser: Browser;
  let ana: Person;
  let ben: Person;
  let violations: string[] = [];
  let roomPath = "";

  beforeAll(async () => {
    server = new ServerProcess();
    await server.start();
    browser = await launchBrowser();
    ana = await newPerson(browser, server.url, "Ana", DESKTOP);
    ben = await newPerson(browser, server.url, "Ben", DESKTOP);
    violations = await watchCsp(ana);
    for (const person of [ana, ben]) await signUp(person);
    roomPath = await createRoom(ana.page, ROOM);
    await joinRoom(ben.page, ROOM);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("pwa: the manifest is linked and valid, and its icons are PNGs of the stated sizes", async () => {
    const page = ana.page;
    await expect(page.locator('link[rel="manifest"]').getAttribute("href")).resolves.toBe(
      "/manifest.webmanifest",
    );
    await expect(page.locator('link[rel="apple-touch-icon"]').getAttribute("href")).resolves.toBe(
      "/icons/apple-touch-icon.png",
    );
    await expect(page.locator('meta[name="viewport"]').getAttribute("content")).resolves.toContain(
      "interactive-widget=resizes-content",
    );
    await expect(page.locator('meta[name="theme-color"]').getAttribute("content")).resolves.toBe("#221d3a");
    for (const name of ["mobile-web-app-capable", "apple-mobile-web-app-capable"]) {
      await expect(page.locator(`meta[name="${name}"]`).getAttribute("content"), name).resolves.toBe("yes");
    }

    const res = await page.request.get("/manifest.webmanifest");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("application/manifest+json");
    const manifest = JSON.parse(await res.text()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      theme_color: string;
      background_color: string;
      icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
    };
    expect(manifest).toMatchObject({
      name: "Parley",
      short_name: "Parley",
      start_url: "/rooms",
      display: "standalone",
      theme_color: "#221d3a",
    });
    const pngs = manifest.icons.filter((icon) => icon.type === "image/png");
    expect(pngs.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual([
      "192x192 any",
      "512x512 any",
      "512x512 maskable",
    ]);
    const apple = { src: "/icons/apple-touch-icon.png", sizes: "180x180", type: "image/png" };
    for (const icon of [...pngs, apple]) {
      const image = await page.request.get(icon.src);
      expect(image.status(), icon.src).toBe(200);
      expect(image.headers()["content-type"], icon.src).toBe("image/png");
      const { width, height } = pngSize(await image.body());
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
  });

  it("pwa: the service worker registers and activates, controls the page and keeps what the offline view needs", async () => {
    const page = ana.page;
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return {
        state: registration.active?.state,
        scope: registration.scope,
        script: registration.active?.scriptURL,
      };
    });
    expect(state).toEqual({
      state: "activated",
      scope: `${server.url}/`,
      script: `${server.url}/sw.js`,
    });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // Installed while Ana signed up: the pages she then reached client-side are kept too.
    await expect
      .poll(() => cachedUrls(page, "parley-pages-v2"), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(["/rooms", roomPath]));
    await expect
      .poll(() => cachedUrls(page, "parley-data-v2"), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(["/api/me", "/api/rooms/mine", `/api${roomPath}`]));
    const data = await cachedUrls(page, "parley-data-v2");
    expect(
      data.filter(
        (url) => !/^\/api\/(me|rooms\/mine|rooms\/[0-9a-f-]{36}(\/messages\?limit=\d+)?)$/.test(url),
      ),
    ).toEqual([]);
  });

  it("pwa: offline, a reload of the room and of /rooms shows the shell and the recent history, with the offline notice", async () => {
    const page = ana.page;
    for (const body of ["Before the tunnel", "Saved for offline"]) await sendMessage(page, body);
    await expectMessage(page, "Saved for offline");
    // Ana switches away from the tab: the room's newest messages are saved then.
    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    const roomId = roomPath.split("/").pop();
    await expect
      .poll(
        () =>
          page.evaluate(async (id) => {
            const cache = await caches.open("parley-data-v2");
            const match = (await cache.keys()).find((r) => r.url.includes(`/api/rooms/${id}/messages?`));
            if (!match) return [];
            const body = (await (await cache.match(match))?.json()) as { messages: Array<{ body: string }> };
            return body.messages.map((message) => message.body);
          }, roomId),
        { timeout: 10_000 },
      )
      .toContain("Saved for offline");
    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    });

    await ana.context.setOffline(true);
    // Ben writes while Ana is offline: her saved copy must not show it, nor pretend to be live.
    await sendMessage(ben.page, "Written while Ana was offline");
    await expectMessage(ben.page, "Written while Ana was offline");

    const reload = await page.reload();
    expect(reload?.fromServiceWorker()).toBe(true);
    await page.getByRole("heading", { name: ROOM, level: 1 }).waitFor();
    await expectMessage(page, "Saved for offline");
    await page.getByRole("status").getByText(OFFLINE_TEXT).waitFor();
    await expect(messageBodies(page)).resolves.not.toContain("Written while Ana was offline");
    await screenshotBoth(page, "pwa-offline-room");

    await page.goto("/rooms");
    await page
      .getByRole("navigation", { name: "Rooms" })
      .getByRole("link", { name: new RegExp(`^${ROOM}`) })
      .waitFor();
    await page.getByRole("status").getByText(OFFLINE_TEXT).waitFor();
    await page.setViewportSize(PHONE);
    // On a phone the list has the whole screen: it says itself that it is a saved copy.
    await page.getByRole("status").getByText("Offline — showing the rooms saved on this device").waitFor();
    await screenshot(page, "pwa-offline-rooms-phone");
    await page.setViewportSize(DESKTOP);

    // A page never visited: the offline page, not a browser error.
    await page.goto("/rooms/inbox");
    await page.getByRole("heading", { name: "You are offline" }).waitFor();
    await screenshotBoth(page, "pwa-offline-page");

    await ana.context.setOffline(false);
    await page.goto(roomPath);
    await expectMessage(page, "Written while Ana was offline");
    await expect(page.getByRole("status").getByText(OFFLINE_TEXT).count()).resolves.toBe(0);
    expect(violations).toEqual([]);
    // Violations inside the worker (its importScripts) reach only the server's report log.
    expect(server.log.filter((line) => line.includes("content security policy violation"))).toEqual([]);
    expect(ana.errors).toEqual([]);
  });

  it("phone: the room header's buttons and a message's actions are touch targets of 44 px or more", async () => {
    const page = ana.page;
    await page.goto(roomPath);
    await expectMessage(page, "Saved for offline");
    await page.setViewportSize(PHONE);
    const header = page
      .locator("header")
      .filter({ has: page.getByRole("heading", { name: ROOM, level: 1 }) });
    const message = page.getByRole("log", { name: "Messages" }).locator("article").last();
    // The message's actions (the author's name is inline text, exempt under WCAG 2.5.8):
    // Add reaction, Reply, Reply in thread, Actions for ….
    const actions = message.getByRole("button", { name: /^(Add reaction|Reply|Actions for )/ });
    const targets = [...(await header.getByRole("button").all()), ...(await actions.all())];
    expect(await actions.count()).toBe(4);
    expect(targets.length).toBeGreaterThanOrEqual(6);
    const small: string[] = [];
    for (const target of targets) {
      const box = await target.boundingBox();
      const name = (await target.getAttribute("aria-label")) ?? (await target.textContent());
      if (!box || box.width < 44 || box.height < 44) small.push(`${name}: ${box?.width}x${box?.height}`);
    }
    expect(small).toEqual([]);
    await screenshot(page, "pwa-touch-targets-phone");
    await page.setViewportSize(DESKTOP);
  });

  it("pwa: Chromium's install offer shows 'Install Parley', prompts, and once dismissed stays away", async () => {
    const page = ana.page;
    await page.goto("/rooms");
    const hint = page.getByRole("region", { name: "Install Parley" });
    await offerInstall(page);
    await hint.getByRole("button", { name: "Install", exact: true }).waitFor();
    await imagesLoaded(page);
    await screenshotBoth(page, "pwa-install-hint");
    await hint.getByRole("button", { name: "Install", exact: true }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __prompted?: number }).__prompted))
      .toBe(1);
    // The browser's offer is used up once shown.
    await expect(hint.count()).resolves.toBe(0);

    await offerInstall(page);
    await hint.getByRole("button", { name: "Dismiss install hint" }).click();
    await expect(hint.count()).resolves.toBe(0);
    await page.reload();
    await page.getByRole("navigation", { name: "Rooms" }).waitFor();
    await offerInstall(page);
    await expect(hint.count()).resolves.toBe(0);
  });

  it("pwa: on iPhone the hint shows the Share → Add to Home Screen steps; installed, nothing", async () => {
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: PHONE,
      userAgent: IPHONE_UA,
      isMobile: true,
      hasTouch: true,
    });
    await context.addCookies(await ana.context.cookies());
    const page = await context.newPage();
    await page.goto("/rooms");
    const hint = page.getByRole("region", { name: "Install Parley" });
    await hint.getByText("Add to Home Screen").waitFor();
    await expect(hint.getByRole("img", { name: "(the share icon)" }).count()).resolves.toBe(1);
    await imagesLoaded(page);
    await screenshot(page, "pwa-install-hint-ios-phone");
    // Close: 44 px square at least (a touch target).
    const close = await hint.getByRole("button", { name: "Dismiss install hint" }).boundingBox();
    expect(close?.width).toBeGreaterThanOrEqual(44);
    expect(close?.height).toBeGreaterThanOrEqual(44);

    // Opened from the home screen: no hint.
    await page.addInitScript(() => {
      const real = window.matchMedia.bind(window);
      window.matchMedia = (query: string) =>
        query === "(display-mode: standalone)"
          ? ({ ...real(query), matches: true } as MediaQueryList)
          : real(query);
    });
    await page.reload();
    await page.getByRole("navigation", { name: "Rooms" }).waitFor();
    await expect(hint.count()).resolves.toBe(0);
    await context.close();
  });
});
