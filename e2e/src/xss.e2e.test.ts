import { API, CSRF_HEADER, CSRF_HEADER_VALUE } from "@parley/protocol";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerProcess } from "../../apps/server/src/testing/server-process";
import { browserAvailability, DESKTOP, launchBrowser, PHONE, screenshot } from "./browser";
import { createRoom, joinRoom, messageLog, newPerson, type Person, sendMessage, signUp } from "./flows";

const availability = browserAvailability();
if (!availability.run) console.warn(`[skip] browser specs: ${availability.reason}`);

/**
 * Stored XSS, end to end: hostile text in messages, a display name, a room name and a topic
 * is posted through the real UI and API and shown in Chromium under the real
 * Content-Security-Policy. The spec fails if any script runs (a dialog opens, `window.__xss`
 * is set) or if anything even tries and is stopped by the policy (a `securitypolicyviolation`
 * event in the page, or a report reaching the server's log) — the renderer must not produce
 * markup for the policy to catch.
 */
const HOSTILE_NAME = "<img src=x onerror=window.__xss=1>";
const HOSTILE_ROOM = "<svg onload=window.__xss=2>";
const HOSTILE_TOPIC = "<script>window.__xss=3</script><img src=x onerror=alert(3)>";

const CORPUS = [
  "<script>alert(1)</script>",
  "<script>window.__xss = 4</script>",
  "<svg onload=alert(5)>",
  "<svg/onload=window.__xss=6>",
  '<img src=x onerror="alert(7)">',
  "<img src=x onerror=window.__xss=8//",
  '<a href="javascript:alert(9)">click me</a>',
  '<iframe src="javascript:alert(10)"></iframe>',
  "<details open ontoggle=alert(11)>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(12)>",
  "[click](javascript:alert(13))",
  "[click](JaVaScRiPt:alert(14))",
  "[click](<javascript:alert(15)>)",
  "[click](java&#x09;script:alert(16))",
  "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxNyk8L3NjcmlwdD4=)",
  "<javascript:alert(18)>",
  "javascript:alert(19)",
  "![x](javascript:alert(20))",
  '![x](x" onerror="alert(21))',
  "**<svg onload=alert(22)>**",
  "> <img src=x onerror=alert(23)>",
  "- <script>alert(24)</script>\n- [a](javascript:alert(25))",
  "```html\n<script>alert(26)</script>\n```",
  "`<img src=x onerror=alert(27)>`",
  `@**${HOSTILE_NAME}** hello`,
];
const LAST = "the corpus ends here";

interface Watch {
  dialogs: string[];
  violations: string[];
}

/** Records dialogs and CSP violations in every document this person's page loads. */
async function watch(person: Person): Promise<Watch> {
  const seen: Watch = { dialogs: [], violations: [] };
  person.page.on("dialog", (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await person.context.exposeBinding("__reportViolation", (_source, text: string) => {
    seen.violations.push(text);
  });
  // Runs before the page's own scripts in every document (and is not subject to its CSP).
  await person.context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportViolation: (text: string) => void }).__reportViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI} ${event.sample}`);
    });
  });
  return seen;
}

function xssFlag(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}

/** Posts through the REST API with the page's own session, as the web app's fetches do. */
async function post(page: Page, roomId: string, body: string): Promise<void> {
  const res = await page.request.post(API.messages(roomId), {
    headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
    data: { clientId: crypto.randomUUID(), body },
  });
  expect(res.status(), await res.text()).toBe(201);
}

function serverReports(server: ServerProcess): string[] {
  return server.log
    .join("")
    .split("\n")
    .filter((line) => line.includes("content security policy violation"));
}

describe.runIf(availability.run)("xss: hostile content stays inert under a strict CSP", () => {
  let server: ServerProcess;
  let browser: Browser;
  let mallory: Person;
  let ana: Person;
  let malloryWatch: Watch;
  let anaWatch: Watch;
  let roomId = "";

  beforeAll(async () => {
    server = new ServerProcess();
    await server.start();
    browser = await launchBrowser();
    mallory = await newPerson(browser, server.url, HOSTILE_NAME, DESKTOP);
    ana = await newPerson(browser, server.url, "Ana", DESKTOP);
    mallory.email = `mallory-${Date.now()}@example.test`;
    malloryWatch = await watch(mallory);
    anaWatch = await watch(ana);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("xss: pages are served with the policy and a per-request nonce on Next's scripts", async () => {
    const res = await ana.page.goto("/login");
    const policy = (await res?.headerValue("content-security-policy")) ?? "";
    const scriptSrc = /script-src ([^;]*)/.exec(policy)?.[1] ?? "";
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    // Next's scripts carry it (the browser hides the attribute's value from the DOM: read .nonce).
    const nonces = await ana.page.evaluate(() => Array.from(document.scripts, (s) => s.nonce));
    expect(nonces.length).toBeGreaterThan(0);
    expect(new Set(nonces)).toEqual(new Set([nonce]));
    const again = await ana.page.goto("/login");
    expect(await again?.headerValue("content-security-policy")).not.toBe(policy);
  });

  it("xss: a hostile display name, room name and topic are set through the UI", async () => {
    // The app hydrates under the policy: these forms only work if Next's scripts ran.
    await signUp(mallory);
    await signUp(ana);
    const path = await createRoom(mallory.page, HOSTILE_ROOM, HOSTILE_TOPIC);
    roomId = path.split("/").pop() ?? "";
    await joinRoom(ana.page, HOSTILE_ROOM);
  });

  it("xss: the message corpus is posted through the composer and the API", async () => {
    // A few typed in the composer, the way a person would…
    for (const body of CORPUS.slice(0, 3)) await sendMessage(mallory.page, body);
    // …and the rest straight to the API.
    for (const body of CORPUS.slice(3)) await post(mallory.page, roomId, body);
    await post(mallory.page, roomId, LAST);
    await messageLog(ana.page).getByText(LAST, { exact: true }).waitFor();
    await messageLog(mallory.page).getByText(LAST, { exact: true }).waitFor();
  });

  it("xss: the hostile text shows as text, and links are only http(s)", async () => {
    const log = messageLog(ana.page);
    await log.getByText("<script>alert(1)</script>", { exact: true }).waitFor();
    await log.getByText("[click](javascript:alert(13))", { exact: true }).waitFor();
    // The author's name and the mention chip show the hostile name as text.
    await expect(log.getByText(HOSTILE_NAME, { exact: true }).count()).resolves.toBeGreaterThan(0);
    await log.getByText(`@${HOSTILE_NAME}`, { exact: true }).waitFor();
    await ana.page.getByRole("heading", { name: HOSTILE_ROOM, level: 1 }).waitFor();
    const found = await ana.page.evaluate(() => ({
      hrefs: Array.from(document.querySelectorAll("a[href]"), (a) => a.getAttribute("href") ?? ""),
      handlers: Array.from(document.querySelectorAll("*")).flatMap((el) =>
        Array.from(el.attributes)
          .filter((a) => a.name.startsWith("on"))
          .map((a) => `${el.tagName} ${a.name}`),
      ),
      embeds: document.querySelectorAll("main iframe, main object, main embed, main svg[onload]").length,
    }));
    expect(found.hrefs.filter((href) => /^\s*(javascript|data|vbscript):/i.test(href))).toEqual([]);
    expect(found.handlers).toEqual([]);
    expect(found.embeds).toBe(0);
    await screenshot(ana.page, "xss-room-desktop");
  });

  it("xss: room lists, the room header and the browse page show names and topics as text", async () => {
    await ana.page.goto("/rooms/browse");
    await ana.page.getByText(HOSTILE_TOPIC, { exact: true }).first().waitFor();
    await ana.page.goto(`/rooms/${roomId}`);
    await messageLog(ana.page).getByText(LAST, { exact: true }).waitFor();
    await ana.page.setViewportSize(PHONE);
    await screenshot(ana.page, "xss-room-phone");
    await ana.page.setViewportSize(DESKTOP);
  });

  it("xss: no script ran, no dialog opened, nothing was stopped by the policy", async () => {
    // Let late work (lazy chunks, highlighting, avatars) settle first.
    await ana.page.waitForTimeout(500);
    for (const person of [mallory, ana]) expect(await xssFlag(person.page)).toBeUndefined();
    expect(malloryWatch.dialogs).toEqual([]);
    expect(anaWatch.dialogs).toEqual([]);
    expect(malloryWatch.violations).toEqual([]);
    expect(anaWatch.violations).toEqual([]);
    expect(serverReports(server)).toEqual([]);
    expect(mallory.errors).toEqual([]);
    expect(ana.errors).toEqual([]);
  });

  it("xss: the watch works — inline script under the same policy is blocked, seen and reported", async () => {
    // The control for the test above. A document from this origin, under the exact policy the
    // server just sent, carries an inline script and an inline handler (what a renderer bug
    // would produce). Both must be refused, and both detectors — the page's event and the
    // server's log of report-uri reports — must notice.
    const policy = (await ana.page.request.get("/login")).headers()["content-security-policy"] ?? "";
    expect(policy).toContain("report-uri");
    await ana.page.route("**/csp-control", (route) =>
      route.fulfill({
        status: 200,
        contentType: "text/html",
        headers: { "content-security-policy": policy },
        body: `<!doctype html><p>control</p><script>window.__xss = "control"</script><img src="/nothing.png" onerror="window.__xss = 'control'">`,
      }),
    );
    const before = { page: anaWatch.violations.length, server: serverReports(server).length };
    await ana.page.goto("/csp-control");
    await expect.poll(() => anaWatch.violations.length, { timeout: 5_000 }).toBeGreaterThan(before.page);
    expect(anaWatch.violations.slice(before.page).join("\n")).toMatch(/script-src-elem blocked inline/);
    expect(await xssFlag(ana.page)).toBeUndefined();
    await expect.poll(() => serverReports(server).length, { timeout: 10_000 }).toBeGreaterThan(before.server);
    expect(serverReports(server).slice(before.server).join("\n")).toContain("script-src");
  });
});

describe.runIf(availability.run)("markdown and emoji: rendering and the composer", () => {
  let server: ServerProcess;
  let browser: Browser;
  let ana: Person;
  let ben: Person;
  let anaWatch: Watch;
  let benWatch: Watch;

  beforeAll(async () => {
    server = new ServerProcess();
    await server.start();
    browser = await launchBrowser();
    ana = await newPerson(browser, server.url, "Ana", DESKTOP);
    ben = await newPerson(browser, server.url, "Ben", PHONE);
    anaWatch = await watch(ana);
    benWatch = await watch(ben);
    await signUp(ana);
    await signUp(ben);
    await createRoom(ana.page, "design");
    await joinRoom(ben.page, "design");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("markdown: bold, code block (highlighted), link, list and quote render for the reader", async () => {
    const box = ana.page.getByRole("textbox", { name: "Message" });
    await box.fill(
      [
        "**Ship it** with `npm test` and ~~luck~~ _care_, @**Ben**",
        "```ts",
        "const answer: number = 42; // the answer",
        "```",
        "> quoted wisdom",
        "",
        "- first",
        "- second",
        "",
        "Docs: https://example.com/docs",
      ].join("\n"),
    );
    await box.press("Enter");
    const log = messageLog(ben.page);
    await log.locator("strong", { hasText: "Ship it" }).waitFor();
    await log.locator("del", { hasText: "luck" }).waitFor();
    await log.locator("em", { hasText: "care" }).waitFor();
    await log.locator("blockquote", { hasText: "quoted wisdom" }).waitFor();
    await log.locator("li", { hasText: "second" }).waitFor();
    await log.getByText("@Ben", { exact: true }).waitFor();
    // The highlighter's chunk loads and colours the block.
    await log.locator("pre code .token.keyword", { hasText: "const" }).waitFor();
    const link = log.getByRole("link", { name: "https://example.com/docs" });
    await expect(link.getAttribute("href")).resolves.toBe("https://example.com/docs");
    await expect(link.getAttribute("rel")).resolves.toBe("noopener noreferrer nofollow");
    await expect(link.getAttribute("target")).resolves.toBe("_blank");
    await screenshot(ben.page, "markdown-phone");
    await messageLog(ana.page).locator("pre code .token.keyword", { hasText: "const" }).waitFor();
    await screenshot(ana.page, "markdown-desktop");
  });

  it("emoji: :shortcode: turns into the emoji as its colon is typed; one-to-three emoji show large", async () => {
    const box = ana.page.getByRole("textbox", { name: "Message" });
    await box.pressSequentially("Ready :rocket:");
    await expect(box.inputValue()).resolves.toBe("Ready 🚀");
    await box.press("Enter");
    await messageLog(ben.page).getByText("Ready 🚀", { exact: true }).waitFor();
    await box.pressSequentially(":tada::tada:");
    await expect(box.inputValue()).resolves.toBe("🎉🎉");
    await box.press("Enter");
    const big = messageLog(ben.page).getByText("🎉🎉", { exact: true });
    await big.waitFor();
    const size = await big.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThan(28);
  });

  it("emoji: ':thu' offers matching emoji; arrows and Enter choose one", async () => {
    const box = ana.page.getByRole("textbox", { name: "Message" });
    await box.fill("");
    await box.pressSequentially("Nice :thu");
    const list = ana.page.getByRole("listbox", { name: "Insert an emoji" });
    await list.getByRole("option").first().waitFor();
    await expect(box.getAttribute("aria-controls")).resolves.toBe("emoji-choices");
    await screenshot(ana.page, "emoji-autocomplete-desktop");
    const first = (await list.getByRole("option").first().textContent()) ?? "";
    expect(first).toContain(":thumbsup:");
    await box.press("Enter");
    // The table's 👍 carries its emoji-presentation selector (U+FE0F).
    await expect(box.inputValue()).resolves.toBe("Nice \u{1F44D}\u{FE0F} ");
    await expect(list.count()).resolves.toBe(0);
    await box.fill("");
  });

  it("emoji: the picker searches, inserts at the caret, remembers recent emoji and the skin tone", async () => {
    const box = ben.page.getByRole("textbox", { name: "Message" });
    await box.fill("Thanks ");
    await ben.page.getByRole("button", { name: "Emoji", exact: true }).click();
    const picker = ben.page.getByRole("dialog", { name: "Emoji picker" });
    await picker.getByRole("button", { name: "grinning face", exact: true }).waitFor();
    await screenshot(ben.page, "emoji-picker-phone");
    await picker.getByRole("button", { name: "Medium skin tone" }).click();
    await picker.getByRole("searchbox", { name: "Search emoji" }).fill("thumbs up");
    await picker.getByRole("button", { name: "thumbs up", exact: true }).click();
    await expect(box.inputValue()).resolves.toBe("Thanks 👍🏽");
    await expect(picker.count()).resolves.toBe(0);
    // Reopened (after a reload): the emoji is under "Recently used" and the tone is kept.
    await ben.page.reload();
    await ben.page.getByRole("button", { name: "Emoji", exact: true }).click();
    const recent = picker.getByRole("region", { name: "Recently used" });
    await expect(recent.getByRole("button").first().textContent()).resolves.toBe("👍🏽");
    await expect(
      picker.getByRole("button", { name: "Medium skin tone" }).getAttribute("aria-pressed"),
    ).resolves.toBe("true");
    await ben.page.setViewportSize(DESKTOP);
    await screenshot(ben.page, "emoji-picker-desktop");
    await ben.page.keyboard.press("Escape");
    await expect(picker.count()).resolves.toBe(0);
    await ben.page.setViewportSize(PHONE);
  });

  it("markdown and emoji: no errors and no policy violations", () => {
    expect(anaWatch.violations).toEqual([]);
    expect(benWatch.violations).toEqual([]);
    expect(anaWatch.dialogs).toEqual([]);
    expect(benWatch.dialogs).toEqual([]);
    expect(ana.errors).toEqual([]);
    expect(ben.errors).toEqual([]);
    expect(serverReports(server)).toEqual([]);
  });
});
