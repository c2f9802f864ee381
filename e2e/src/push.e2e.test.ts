import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { API, type PushPayload } from "@parley/protocol";
import type { Browser, CDPSession, Page, Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerProcess } from "../../apps/server/src/testing/server-process";
import {
  startTestPushService,
  TEST_PUSH_CA,
  type TestPushService,
  type TestSubscription,
} from "../../apps/server/src/testing/test-push-service";
import { browserAvailability, DESKTOP, launchBrowser, PHONE, screenshot, screenshotBoth } from "./browser";
import { createRoom, joinRoom, newPerson, type Person, sendMessage, signUp } from "./flows";

/** What the specs read of the service worker's global (the DOM lib has no worker types here). */
type WorkerScope = {
  registration: ServiceWorkerRegistration;
  clients: { matchAll(options: { type: "window"; includeUncontrolled: boolean }): Promise<unknown[]> };
  parleyOpenFromNotification(url: string): Promise<void>;
};

const availability = browserAvailability();
if (!availability.run) console.warn(`[skip] browser specs: ${availability.reason}`);

const ROOM = "push-room";

/**
 * Headless Chromium has no push service (Chrome's is FCM, which tests must not reach): this
 * init script makes `PushManager.subscribe()` hand out the subscription of the loopback test
 * push service instead, kept in localStorage like the browser keeps its own. Everything else is
 * real: the permission prompt (granted by the context), the app's subscribe flow and API call,
 * the server's encrypted push to the test service, and the service worker handling it.
 */
const FAKE_PUSH_MANAGER = ({
  endpoint,
  keys,
}: {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}) => {
  const KEY = "__fake-push-subscription";
  const make = (serverKey: string) => ({
    endpoint,
    expirationTime: null,
    options: {
      userVisibleOnly: true,
      applicationServerKey: Uint8Array.from(atob(serverKey), (c) => c.charCodeAt(0)).buffer,
    },
    toJSON: () => ({ endpoint, expirationTime: null, keys }),
    unsubscribe: async () => {
      localStorage.removeItem(KEY);
      return true;
    },
  });
  PushManager.prototype.subscribe = async (options?: PushSubscriptionOptionsInit) => {
    const key = new Uint8Array(options?.applicationServerKey as ArrayBuffer);
    const serverKey = btoa(String.fromCharCode(...key));
    localStorage.setItem(KEY, serverKey);
    return make(serverKey) as unknown as PushSubscription;
  };
  PushManager.prototype.getSubscription = async () => {
    const saved = localStorage.getItem(KEY);
    return (saved ? make(saved) : null) as unknown as PushSubscription | null;
  };
};

describe.runIf(availability.run)("push: settings, test notification, receipts, notification click", () => {
  let service: TestPushService;
  let server: ServerProcess;
  let browser: Browser;
  let ana: Person;
  let ben: Person;
  let sub: TestSubscription;
  let cdp: CDPSession;
  let registrationId = "";
  let roomPath = "";

  beforeAll(async () => {
    service = await startTestPushService();
    sub = service.subscribe();
    const caFile = join(new ServerProcess().dataDir, "test-push-ca.pem");
    writeFileSync(caFile, TEST_PUSH_CA);
    // The server trusts the test push service's certificate and accepts its loopback endpoint.
    server = new ServerProcess({ NODE_EXTRA_CA_CERTS: caFile, PUSH_ALLOW_LOOPBACK: "1" });
    await server.start();
    browser = await launchBrowser();
    ana = await newPerson(browser, server.url, "Ana", DESKTOP);
    ben = await newPerson(browser, server.url, "Ben", DESKTOP);
    await ana.context.grantPermissions(["notifications"], { origin: server.url });
    await ana.context.addInitScript(FAKE_PUSH_MANAGER, { endpoint: sub.endpoint, keys: sub.keys });
    for (const person of [ana, ben]) await signUp(person);
    roomPath = await createRoom(ana.page, ROOM);
    await joinRoom(ben.page, ROOM);

    // DevTools' ServiceWorker domain delivers a push to the worker as a push service would.
    // Anchored to a tab of its own, so it outlives the Parley tabs the specs close.
    cdp = await ana.context.newCDPSession(await ana.context.newPage());
    const registered = new Promise<string>((resolve) => {
      cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
        const mine = registrations.find((r) => r.scopeURL === `${server.url}/` && !r.isDeleted);
        if (mine) resolve(mine.registrationId);
      });
    });
    await cdp.send("ServiceWorker.enable");
    await ana.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    registrationId = await registered;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    await service?.close();
  });

  const worker = async (): Promise<Worker> => {
    const found = ana.context.serviceWorkers().find((w) => w.url().endsWith("/sw.js"));
    return found ?? ana.context.waitForEvent("serviceworker");
  };
  /** The service worker's shown notifications. */
  const shown = async () =>
    (await worker()).evaluate(async () =>
      (await (self as unknown as WorkerScope).registration.getNotifications()).map((n: Notification) => ({
        title: n.title,
        body: n.body,
        tag: n.tag,
        url: (n.data as { url?: string } | null)?.url,
      })),
    );
  /** Hands a push the server sent (decrypted by the test push service) to the service worker. */
  const deliver = async (payload: PushPayload) => {
    await cdp.send("ServiceWorker.deliverPushMessage", {
      origin: server.url,
      registrationId,
      data: JSON.stringify(payload),
    });
  };
  const pushed = async (predicate: (p: PushPayload) => boolean) =>
    (await service.waitFor((p) => p.subscriptionId === sub.id && predicate(p.payload as PushPayload), 15_000))
      .payload as PushPayload;

  /**
   * Closes Ana's Parley tab and waits until the service worker no longer lists it: the worker
   * learns of a closed window a moment after the tab is gone, and until then it counts it as a
   * window in front (headless tabs are always focused) and shows no notification.
   */
  const closeParley = async (page: Page) => {
    await page.close();
    const sw = await worker();
    await expect
      .poll(
        () =>
          sw.evaluate(
            async () =>
              (
                await (self as unknown as WorkerScope).clients.matchAll({
                  type: "window",
                  includeUncontrolled: true,
                })
              ).length,
          ),
        { timeout: 10_000 },
      )
      .toBe(0);
  };

  /** A new Parley tab for Ana (after the specs closed hers). */
  const reopen = async () => {
    const page = await ana.context.newPage();
    page.on("pageerror", (error) => ana.errors.push(String(error)));
    ana.page = page;
    return page;
  };
  const settings = (page: Page) => page.getByRole("region", { name: "Push notifications" });
  const deviceList = (page: Page) => page.getByRole("list", { name: "Your devices" });

  it("push: the service worker loads the push handlers", async () => {
    const sw = await worker();
    await expect(
      sw.evaluate(
        () => typeof (self as unknown as { parleyHandlePushPayload?: unknown }).parleyHandlePushPayload,
      ),
    ).resolves.toBe("function");
  });

  it("push: settings start with push off and no devices, with a hint", async () => {
    const page = ana.page;
    await page.goto("/settings/notifications");
    await settings(page).getByText("Off", { exact: true }).waitFor();
    await page.getByText("No devices yet").waitFor();
    await expect(page.getByRole("button", { name: "Send a test notification" }).isDisabled()).resolves.toBe(
      true,
    );
    await screenshotBoth(page, "push-settings-empty");
  });

  it("push: turning push on subscribes this browser; the device is listed as this device", async () => {
    const page = ana.page;
    await page.getByRole("button", { name: "Turn on" }).click();
    await settings(page).getByText("On", { exact: true }).waitFor();
    const device = deviceList(page).getByTestId("push-device");
    await device.getByText("This device").waitFor();
    await device.getByText("Chrome on Linux").waitFor();
    await device.getByText(/nothing sent yet/).waitFor();
    // Reloaded, the page still knows it is on.
    await page.reload();
    await settings(page).getByText("On", { exact: true }).waitFor();
    await deviceList(page).getByText("This device").waitFor();
  });

  it("push: a test notification reaches the device, which confirms it; the page shows the receipt", async () => {
    const page = ana.page;
    await page.getByRole("button", { name: "Send a test notification" }).click();
    const state = deviceList(page).getByTestId("push-test-state");
    await expect.poll(() => state.getAttribute("data-state")).toBe("waiting");
    const payload = await pushed((p) => p.type === "test");
    await deliver(payload);
    await expect.poll(shown, { timeout: 10_000 }).toEqual([
      {
        title: "Parley",
        body: "Push notifications work on this device.",
        tag: "parley-test",
        url: "/settings/notifications",
      },
    ]);
    await expect.poll(() => state.getAttribute("data-state"), { timeout: 10_000 }).toBe("received");
    await deviceList(page)
      .getByText(/Working — last confirmed/)
      .waitFor();
    await page.getByRole("switch", { name: /Show message text/ }).waitFor();
    await screenshotBoth(page, "push-settings");
    // The device list, below the fold on a phone.
    await page.setViewportSize(PHONE);
    await deviceList(page).scrollIntoViewIfNeeded();
    await screenshot(page, "push-devices-phone");
    await page.setViewportSize(DESKTOP);
  });

  it("push: the server administrator sees every device and whether it confirms", async () => {
    // Ana is the first account: the administrator. A tab of her own, so this spec's tab stays.
    const admin = await ana.context.newPage();
    await admin.goto("/admin");
    const section = admin.getByRole("region", { name: "Push devices" });
    const row = section.getByRole("row").filter({ hasText: ana.email });
    await row.getByText(/Working — last confirmed/).waitFor({ timeout: 10_000 });
    await screenshot(admin, "admin-push-devices-desktop");
    await admin.close();
  });

  it("push: a mention is pushed; the notification opens the app at the message, and reading closes it", async () => {
    // Parley is closed: the worker shows nothing over a Parley window the person is looking
    // at, and headless Chromium reports every tab as focused and visible.
    await closeParley(ana.page);
    await sendMessage(ben.page, "@**Ana** the push works");
    const payload = await pushed((p) => p.type === "message");
    expect(payload).toMatchObject({ title: `#${ROOM}`, body: "Ben: @Ana the push works", count: 1 });
    await deliver(payload);
    const roomId = roomPath.split("/").pop();
    const expected = {
      title: `#${ROOM}`,
      body: "Ben: @Ana the push works",
      tag: `parley-room-${roomId}`,
      url: expect.stringMatching(new RegExp(`^/rooms/${roomId}\\?seq=\\d+$`)),
    };
    await expect.poll(shown, { timeout: 10_000 }).toContainEqual(expected);

    // What a click on it does (DevTools cannot click a system notification): an open Parley
    // window goes to the message.
    const page = await reopen();
    await page.goto("/settings/notifications");
    const sw = await worker();
    await sw.evaluate(async () => {
      const scope = self as unknown as WorkerScope;
      for (const test of await scope.registration.getNotifications({ tag: "parley-test" })) test.close();
      const [message] = await scope.registration.getNotifications();
      if (!message) throw new Error("no notification shown");
      message.close();
      await scope.parleyOpenFromNotification((message.data as { url: string }).url);
    });
    await page.waitForURL((url) => url.pathname === roomPath && /^\?seq=\d+$/.test(url.search));
    await page.getByRole("heading", { name: ROOM, level: 1 }).waitFor();
    // Opened at the message, the room is read (the server has Ana's pointer at it).
    await expect
      .poll(
        () =>
          page.evaluate(
            async ({ url, id }) => {
              const body = (await (await fetch(url)).json()) as {
                reads: Array<{ roomId: string; unreadCount: number }>;
              };
              return body.reads.find((r) => r.roomId === id)?.unreadCount;
            },
            { url: API.readStates, id: roomId },
          ),
        { timeout: 10_000 },
      )
      .toBe(0);

    // Say the notification were still up on another device: Ana has read the room now, so the
    // server's sweep sends "read", which closes it.
    await closeParley(page);
    await deliver(payload);
    await expect.poll(shown, { timeout: 10_000 }).toEqual([expected]);
    const read = await pushed((p) => p.type === "read");
    await deliver(read);
    await expect.poll(shown, { timeout: 10_000 }).toEqual([]);
    expect(ana.errors).toEqual([]);
    await reopen();
  });

  it("push: removing this device turns push off here", async () => {
    const page = ana.page;
    await page.goto("/settings/notifications");
    await page.getByRole("button", { name: "Remove Chrome on Linux" }).click();
    await page.getByText("No devices yet").waitFor();
    await settings(page).getByText("Off", { exact: true }).waitFor();
    const devices = await page.evaluate(async (url) => (await fetch(url)).json(), API.pushDevices);
    expect(devices).toEqual({ devices: [] });
  });
});
