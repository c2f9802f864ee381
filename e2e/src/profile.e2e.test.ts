import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { landscapePng, solidImage } from "../../apps/server/src/domains/profiles/test-images";
import { ServerProcess } from "../../apps/server/src/testing/server-process";
import { browserAvailability, DESKTOP, launchBrowser, screenshotBoth } from "./browser";
import { createRoom, joinRoom, messageRow, newPerson, type Person, sendMessage, signUp } from "./flows";

const availability = browserAvailability();
if (!availability.run) console.warn(`[skip] browser specs: ${availability.reason}`);

/** Opens the signed-in user's profile dialog from their row at the foot of the sidebar. */
async function openProfileDialog(page: Page): Promise<Locator> {
  await page.getByRole("button", { name: /^Edit your profile/ }).click();
  const dialog = page.getByRole("dialog", { name: "Profile" });
  await dialog.getByLabel("Display name").waitFor();
  return dialog;
}

/** Chooses a file in the dialog's photo picker, as a person picking it from their disk would. */
function choosePhoto(dialog: Locator, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  return dialog.getByLabel("Choose a photo").setInputFiles({ name, mimeType, buffer });
}

/** Whether an <img> has loaded (a broken one has no natural width). */
function loaded(image: Locator): Promise<boolean> {
  return image.evaluate(
    (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
  );
}

describe.runIf(availability.run)("profiles: status, photo, the profile card", () => {
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
    await createRoom(ana.page, "studio");
    await joinRoom(ben.page, "studio");
    await sendMessage(ana.page, "Morning! The new lobby sketches are up.");
    await sendMessage(ben.page, "Looking now");
    await messageRow(ben.page, "Morning! The new lobby sketches are up.").waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("profiles: the dialog refuses a wrong type and a too-big file with a clear error", async () => {
    const dialog = await openProfileDialog(ana.page);
    await screenshotBoth(ana.page, "profile-dialog-empty");

    await choosePhoto(dialog, "notes.txt", "text/plain", Buffer.from("shopping list"));
    await dialog.getByText("That file is not an image Parley can use").waitFor();
    await expect(dialog.getByRole("button", { name: "Save" }).isDisabled()).resolves.toBe(true);

    // Named like an image, but the browser cannot draw it.
    await choosePhoto(dialog, "avatar.png", "image/png", Buffer.from("not really a png"));
    await dialog.getByText("That file could not be read as an image.").waitFor();

    await choosePhoto(dialog, "huge.png", "image/png", Buffer.alloc(6 * 1024 * 1024));
    await dialog.getByText("That image is 6 MB; the limit is 5 MB.").waitFor();
    await screenshotBoth(ana.page, "profile-dialog-error");

    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
  });

  it("profiles: Ana sets a status and a photo; Ben sees them live in the messages and her card", async () => {
    const dialog = await openProfileDialog(ana.page);
    await choosePhoto(dialog, "dusk.png", "image/png", await landscapePng());
    const preview = dialog.getByRole("img", { name: "Your new photo, as it will be cropped" });
    await preview.waitFor();
    await expect.poll(() => loaded(preview)).toBe(true);
    await dialog.getByLabel("Status").fill("Sketching the new lobby");
    await screenshotBoth(ana.page, "profile-dialog");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    // Her own row in the sidebar says it too.
    await ana.page.getByRole("button", { name: /^Edit your profile.*Sketching the new lobby/ }).waitFor();

    // Ben's open page: Ana's picture replaces her initials beside her message, live.
    const anaMessage = messageRow(ben.page, "Morning! The new lobby sketches are up.");
    const picture = anaMessage.locator("img");
    await picture.waitFor({ timeout: 10_000 });
    await expect(picture.getAttribute("src")).resolves.toMatch(/^\/api\/media\/avatars\/[0-9a-f]{64}\.webp$/);
    await expect.poll(() => loaded(picture)).toBe(true);
    await screenshotBoth(ben.page, "messages-with-avatars");

    // Her name opens her card: picture, name, status.
    await anaMessage.getByRole("button", { name: "Ana", exact: true }).click();
    const card = ben.page.getByRole("dialog", { name: "Ana" });
    await card.getByText("Sketching the new lobby").waitFor();
    await expect.poll(() => loaded(card.locator("img"))).toBe(true);
    await screenshotBoth(ben.page, "profile-card");
    await ben.page.keyboard.press("Escape");
    await card.waitFor({ state: "hidden" });
  });

  it("profiles: the member list opens the same card; a rename shows everywhere at once", async () => {
    await ben.page.getByRole("button", { name: "Members", exact: true }).click();
    const members = ben.page.getByRole("region", { name: "Members" });
    await members.getByRole("button", { name: "Ana", exact: true }).click();
    const card = ben.page.getByRole("dialog", { name: "Ana" });
    await card.getByText("Sketching the new lobby").waitFor();
    await screenshotBoth(ben.page, "profile-card-members");
    // A click outside closes it.
    await ben.page.mouse.click(640, 20);
    await card.waitFor({ state: "hidden" });

    const dialog = await openProfileDialog(ana.page);
    await dialog.getByLabel("Display name").fill("Ana Lima");
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    await members.getByRole("button", { name: "Ana Lima", exact: true }).waitFor();
    await messageRow(ben.page, "Morning! The new lobby sketches are up.")
      .getByRole("button", { name: "Ana Lima", exact: true })
      .waitFor();

    // Ben's own card offers him his profile settings; he has no status yet, and says so.
    await ben.page.getByRole("button", { name: "Members", exact: true }).click();
    await messageRow(ben.page, "Looking now").getByRole("button", { name: "Ben", exact: true }).click();
    const own = ben.page.getByRole("dialog", { name: "Ben (you)" });
    await own.getByText("You have not set a status yet.").waitFor();
    await own.getByRole("button", { name: "Edit profile" }).click();
    const settings = ben.page.getByRole("dialog", { name: "Profile" });
    await settings.getByLabel("Status").waitFor();
    await settings.getByRole("button", { name: "Cancel" }).click();
    await settings.waitFor({ state: "hidden" });
  });

  it("profiles: removing the photo brings the initials back for everyone", async () => {
    const dialog = await openProfileDialog(ana.page);
    await dialog.getByRole("button", { name: "Remove photo" }).click();
    await dialog.getByText("Your photo will be removed when you save").waitFor();
    await dialog.getByRole("button", { name: "Save" }).click();
    await dialog.waitFor({ state: "hidden" });
    const anaMessage = messageRow(ben.page, "Morning! The new lobby sketches are up.");
    await anaMessage.locator("img").waitFor({ state: "detached" });
    await anaMessage.getByText("AL", { exact: true }).waitFor();

    // And a fresh photo, a plain one, for good measure: uploaded as a JPEG.
    const again = await openProfileDialog(ana.page);
    await choosePhoto(again, "plain.jpg", "image/jpeg", await solidImage("jpeg", 400, 300, "#1d7a4a"));
    await again.getByRole("button", { name: "Save" }).click();
    await again.waitFor({ state: "hidden" });
    await anaMessage.locator("img").waitFor();
    expect([...ana.errors, ...ben.errors]).toEqual([]);
  });
});
