import type { Browser, CDPSession, Locator, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerProcess } from "../../apps/server/src/testing/server-process";
import { browserAvailability, DESKTOP, launchBrowser, screenshotBoth } from "./browser";
import { createRoom, joinRoom, messageLog, newPerson, type Person, sendMessage, signUp } from "./flows";

const availability = browserAvailability();
if (!availability.run) console.warn(`[skip] browser specs: ${availability.reason}`);

/** A 1600 × 1000 photo-like JPEG (a dusk landscape with grain), a few hundred KB. */
async function landscapeJpeg(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#5b45e0"/><stop offset="1" stop-color="#f59e8b"/></linearGradient></defs>
    <rect width="1600" height="1000" fill="url(#sky)"/>
    <circle cx="800" cy="470" r="170" fill="#ffd76a"/>
    <path d="M0 780 Q400 560 800 750 T1600 690 V1000 H0 Z" fill="#2d2744"/>
    <path d="M0 890 Q530 720 1000 875 T1600 845 V1000 H0 Z" fill="#221d3a"/>
  </svg>`;
  const grain = Buffer.alloc(1600 * 1000 * 3);
  for (let i = 0; i < grain.length; i++) grain[i] = Math.floor(Math.random() * 40);
  return sharp(Buffer.from(svg))
    .composite([{ input: grain, raw: { width: 1600, height: 1000, channels: 3 }, blend: "overlay" }])
    .jpeg({ quality: 95 })
    .toBuffer();
}

/** Slows this page's uploads, so the progress bar is there long enough to be seen. */
async function throttleUploads(page: Page, bytesPerSecond: number | null): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond ?? -1,
  });
  return cdp;
}

function attachInput(page: Page): Locator {
  return page.getByTestId("attach-input");
}

describe.runIf(availability.run)("attachments: images, files, progress, lightbox", () => {
  let server: ServerProcess;
  let browser: Browser;
  let ana: Person;
  let ben: Person;

  beforeAll(async () => {
    server = new ServerProcess();
    await server.start();
    browser = await launchBrowser();
    ana = await newPerson(browser, server.url, "Ana", DESKTOP);
    ben = await newPerson(browser, server.url, "Ben", DESKTOP);
    await signUp(ana);
    await signUp(ben);
    await createRoom(ana.page, "gallery");
    await joinRoom(ben.page, "gallery");
    await sendMessage(ana.page, "Photos from the roof coming up");
    await messageLog(ben.page).getByText("Photos from the roof coming up").waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("attachments: Ana uploads a photo with a progress bar; Ben sees the thumbnail and opens the lightbox", async () => {
    const photo = await landscapeJpeg();
    const cdp = await throttleUploads(ana.page, 120 * 1024);
    await attachInput(ana.page).setInputFiles({
      name: "roof-sunset.jpg",
      mimeType: "image/jpeg",
      buffer: photo,
    });
    const progress = ana.page.getByRole("progressbar", { name: "Uploading roof-sunset.jpg" });
    await progress.waitFor();
    const percent = async () => Number(await progress.getAttribute("value"));
    const early = await percent();
    await expect.poll(percent).toBeGreaterThan(early);
    // Sent while uploading: Send waits for the upload, then goes with the caption.
    await ana.page.getByRole("textbox", { name: "Message" }).fill("Sunset from the roof");
    await ana.page.getByRole("textbox", { name: "Message" }).press("Enter");
    await ana.page.getByText("Sends when the files have uploaded").waitFor();
    await expect(ana.page.getByRole("button", { name: "Send" }).isDisabled()).resolves.toBe(true);
    await screenshotBoth(ana.page, "attachments-uploading");
    await progress.waitFor({ state: "detached", timeout: 30_000 });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    const thumb = ben.page.getByRole("button", { name: "Open image roof-sunset.jpg" });
    await thumb.waitFor();
    await messageLog(ben.page).getByText("Sunset from the roof", { exact: true }).waitFor();
    const image = thumb.locator("img");
    await expect
      .poll(() =>
        image.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth),
      )
      .toBe(720);
    // The box was reserved from the stored dimensions: 1600 × 1000 scaled into 360 × 280.
    const box = await thumb.boundingBox();
    expect(Math.round(box?.width ?? 0)).toBe(360);
    expect(Math.round(box?.height ?? 0)).toBe(225);
    await screenshotBoth(ben.page, "attachments-timeline");

    await thumb.click();
    const lightbox = ben.page.getByRole("dialog", { name: "roof-sunset.jpg" });
    await lightbox.waitFor();
    await expect
      .poll(() =>
        lightbox
          .getByRole("img", { name: "roof-sunset.jpg" })
          .evaluate((img) => (img as HTMLImageElement).naturalWidth),
      )
      .toBe(1600);
    // Focus is inside the dialog; Escape closes it.
    await expect(lightbox.evaluate((dialog) => dialog.contains(document.activeElement))).resolves.toBe(true);
    await screenshotBoth(ben.page, "attachments-lightbox");
    await ben.page.keyboard.press("Escape");
    await lightbox.waitFor({ state: "detached" });
    // Focus is back on the thumbnail; a click on the dark area closes it too.
    await expect(thumb.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await thumb.click();
    await lightbox.waitFor();
    await ben.page.mouse.click(10, 400);
    await lightbox.waitFor({ state: "detached" });
  });

  it("attachments: a text file and a PDF show as file cards and download with their names", async () => {
    const pdf = Buffer.from(
      "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    );
    await attachInput(ana.page).setInputFiles([
      {
        name: "meeting notes.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("1. Roof garden\n2. Lights\n"),
      },
      { name: "floor-plan.pdf", mimeType: "application/pdf", buffer: pdf },
    ]);
    const send = ana.page.getByRole("button", { name: "Send" });
    await expect.poll(() => send.isEnabled()).toBe(true);
    await send.click();

    const notes = ben.page.getByRole("link", { name: /^Download meeting notes\.txt, TXT · \d+ B$/ });
    const plan = ben.page.getByRole("link", { name: /^Download floor-plan\.pdf, PDF · \d+ B$/ });
    await notes.waitFor();
    await plan.waitFor();
    await screenshotBoth(ben.page, "attachments-files");

    const [download] = await Promise.all([ben.page.waitForEvent("download"), notes.click()]);
    expect(download.suggestedFilename()).toBe("meeting notes.txt");
    const path = await download.path();
    const { readFile } = await import("node:fs/promises");
    expect(await readFile(path, "utf8")).toBe("1. Roof garden\n2. Lights\n");
  });

  it("attachments: an upload can be cancelled; a file that lies about being an image is refused", async () => {
    const cdp = await throttleUploads(ana.page, 20 * 1024);
    await attachInput(ana.page).setInputFiles({
      name: "big.bin",
      mimeType: "application/octet-stream",
      buffer: Buffer.alloc(400 * 1024, 1),
    });
    await ana.page.getByRole("progressbar", { name: "Uploading big.bin" }).waitFor();
    await ana.page.getByRole("button", { name: "Cancel upload of big.bin" }).click();
    await ana.page.getByRole("listitem").filter({ hasText: "big.bin" }).waitFor({ state: "detached" });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });

    await attachInput(ana.page).setInputFiles({
      name: "cat.png",
      mimeType: "image/png",
      buffer: Buffer.from("<html><script>alert(1)</script></html>"),
    });
    await ana.page.getByRole("alert").filter({ hasText: "Named like an image or video" }).waitFor();
    await expect(ana.page.getByRole("button", { name: "Send" }).isDisabled()).resolves.toBe(true);
    await screenshotBoth(ana.page, "attachments-refused");
    await ana.page.getByRole("button", { name: "Remove cat.png" }).click();
    expect(ana.errors).toEqual([]);
    expect(ben.errors).toEqual([]);
  });
});
