import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { connectDb } from "@parley/db";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerProcess } from "../../apps/server/src/testing/server-process";
import { browserAvailability, DESKTOP, launchBrowser, PHONE, screenshot, screenshotBoth } from "./browser";
import { createRoom, joinRoom, newPerson, openRoomSettings, type Person, sendMessage, signUp } from "./flows";

const availability = browserAvailability();
if (!availability.run) console.warn(`[skip] browser specs: ${availability.reason}`);

function roomHeading(page: Page, name: string) {
  return page.getByRole("heading", { name, level: 1, exact: true });
}

/** The open room's composer, or its read-only notice. */
function composer(page: Page) {
  return page.getByRole("textbox", { name: "Message" });
}

describe.runIf(availability.run)("room administration: settings, deletion, server admin, discovery", () => {
  let server: ServerProcess;
  let browser: Browser;
  // Ana signs up first: the first account administers the server. She owns the rooms.
  let ana: Person;
  let ben: Person;
  let cleo: Person;
  let dan: Person;
  let roomUrl = "";

  beforeAll(async () => {
    server = new ServerProcess();
    await server.start();
    browser = await launchBrowser();
    ana = await newPerson(browser, server.url, "Ana", DESKTOP);
    ben = await newPerson(browser, server.url, "Ben", DESKTOP);
    cleo = await newPerson(browser, server.url, "Cleo", DESKTOP);
    dan = await newPerson(browser, server.url, "Dan", DESKTOP);
    for (const person of [ana, ben, cleo, dan]) await signUp(person);
    roomUrl = await createRoom(ana.page, "design-crit");
    await joinRoom(ben.page, "design-crit");
    await joinRoom(cleo.page, "design-crit");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it("room settings: a member has none; an admin renames the room, sets topic and slow mode; others see it live", async () => {
    await roomHeading(ben.page, "design-crit").waitFor();
    await expect(ben.page.getByRole("button", { name: "Room settings" }).count()).resolves.toBe(0);

    // The owner makes Ben an admin; his open tab gets the settings button with the new role.
    await ana.page.getByRole("button", { name: "Members", exact: true }).click();
    const panel = ana.page.getByRole("complementary", { name: "Members" });
    await panel.getByRole("button", { name: "Actions for Ben" }).click();
    await ana.page.getByRole("menuitem", { name: "Make admin" }).click();
    await panel.getByText("Ben is now an admin").waitFor();
    await ana.page.getByRole("button", { name: "Members", exact: true }).click();

    const dialog = await openRoomSettings(ben.page);
    // Deleting is the owner's alone.
    await expect(dialog.getByRole("button", { name: "Delete room…" }).count()).resolves.toBe(0);
    await dialog.getByLabel("Name").fill("   ");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await dialog.getByText("Room name is required").waitFor();
    await expect(dialog.getByLabel("Name").getAttribute("aria-invalid")).resolves.toBe("true");

    await dialog.getByLabel("Name").fill("design-review");
    // Fixing the field takes its error away.
    await expect(dialog.getByText("Room name is required").count()).resolves.toBe(0);
    await expect(dialog.getByRole("alert").count()).resolves.toBe(0);
    await dialog.getByLabel("Topic").fill("Critique every Friday");
    await dialog.getByLabel("Slow mode").selectOption({ label: "30 s" });
    await dialog.getByText("Members can post once every 30 s. Moderators and up are exempt.").waitFor();
    await screenshotBoth(ben.page, "room-settings-dialog");
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await dialog.waitFor({ state: "hidden" });
    await roomHeading(ben.page, "design-review").waitFor();

    // Cleo and Ana had the room open all along: the change arrives over the socket.
    await roomHeading(cleo.page, "design-review").waitFor({ timeout: 10_000 });
    await cleo.page.getByText("Critique every Friday").first().waitFor();
    await roomHeading(ana.page, "design-review").waitFor({ timeout: 10_000 });
    await cleo.page
      .getByRole("navigation", { name: "Rooms" })
      .getByRole("link", { name: "design-review" })
      .waitFor({ timeout: 10_000 });

    // Stored: the owner's dialog opens on the saved values.
    const again = await openRoomSettings(ana.page);
    await expect(again.getByLabel("Name").inputValue()).resolves.toBe("design-review");
    await expect(again.getByLabel("Slow mode").inputValue()).resolves.toBe("30");
    await again.getByRole("button", { name: "Cancel" }).click();
    await again.waitFor({ state: "hidden" });
  });

  it("room settings: an admin gives the room a picture; members see it in the sidebar and header at once", async () => {
    const picture = await sharp({ create: { width: 120, height: 80, channels: 3, background: "#e0457b" } })
      .png()
      .toBuffer();
    const dialog = await openRoomSettings(ana.page);
    // Not an image: refused in the browser, nothing sent.
    await dialog
      .getByLabel("Choose a room picture")
      .setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("a list") });
    await dialog
      .getByRole("alert")
      .getByText(/not an image Parley can use/)
      .waitFor();
    await dialog
      .getByLabel("Choose a room picture")
      .setInputFiles({ name: "crit.png", mimeType: "image/png", buffer: picture });
    await dialog.getByRole("button", { name: "Change picture…" }).waitFor({ timeout: 10_000 });
    await expect(dialog.getByRole("alert").count()).resolves.toBe(0);
    await screenshotBoth(ana.page, "room-picture-settings");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });

    // Cleo has the room open: its picture arrives over the socket, in the sidebar and header.
    const sidebarPicture = cleo.page
      .getByRole("navigation", { name: "Rooms" })
      .getByRole("link", { name: /^design-review/ })
      .locator('img[src^="/api/media/avatars/"]');
    await sidebarPicture.waitFor({ timeout: 10_000 });
    await cleo.page.locator('header img[src^="/api/media/avatars/"]').first().waitFor();
    await expect(sidebarPicture.evaluate((img: HTMLImageElement) => img.naturalWidth)).resolves.toBe(64);
    await screenshotBoth(cleo.page, "room-picture-sidebar");

    // Removed: the "#" is back for everyone, and the log says who did what.
    const again = await openRoomSettings(ana.page);
    await again.getByRole("button", { name: "Remove" }).click();
    await again.getByRole("button", { name: "Upload picture…" }).waitFor({ timeout: 10_000 });
    await again.getByRole("button", { name: "Cancel" }).click();
    await sidebarPicture.waitFor({ state: "detached", timeout: 10_000 });
  });

  it("room settings: archiving turns the room read-only for members at once; unarchiving reopens it", async () => {
    await composer(cleo.page).waitFor();
    const dialog = await openRoomSettings(ana.page);
    await dialog.getByRole("button", { name: "Archive…" }).click();
    const confirm = ana.page.getByRole("dialog", { name: "Archive #design-review?" });
    await confirm.getByText(/read-only/).waitFor();
    await screenshot(ana.page, "room-archive-confirm-desktop");
    await confirm.getByRole("button", { name: "Archive room" }).click();
    await confirm.waitFor({ state: "hidden" });
    await dialog.waitFor({ state: "hidden" });

    await cleo.page.getByText("This room is archived: it is read-only.").waitFor({ timeout: 10_000 });
    await expect(composer(cleo.page).count()).resolves.toBe(0);
    await screenshot(cleo.page, "room-archived-member-desktop");

    const reopen = await openRoomSettings(ana.page);
    await reopen.getByRole("button", { name: "Unarchive…" }).click();
    await ana.page
      .getByRole("dialog", { name: "Unarchive #design-review?" })
      .getByRole("button", { name: "Unarchive room" })
      .click();
    await reopen.waitFor({ state: "hidden" });
    await composer(cleo.page).waitFor({ timeout: 10_000 });
  });

  it("room settings: the owner deletes a room after typing its name; members are taken out of it", async () => {
    const scratchUrl = await createRoom(ana.page, "scratch");
    await joinRoom(cleo.page, "scratch");

    const dialog = await openRoomSettings(ana.page);
    await dialog.getByRole("button", { name: "Delete room…" }).click();
    const confirm = ana.page.getByRole("dialog", { name: "Delete #scratch?" });
    const deleteButton = confirm.getByRole("button", { name: "Delete room" });
    await expect(deleteButton.isDisabled()).resolves.toBe(true);
    await confirm.getByLabel("Type scratch to confirm").fill("scratc");
    await expect(deleteButton.isDisabled()).resolves.toBe(true);
    await confirm.getByLabel("Type scratch to confirm").fill("scratch");
    await expect(deleteButton.isDisabled()).resolves.toBe(false);
    await screenshotBoth(ana.page, "room-delete-confirm");
    await deleteButton.click();

    await ana.page.waitForURL((url) => url.pathname === "/rooms");
    const anaRooms = ana.page.getByRole("navigation", { name: "Rooms" });
    await expect.poll(() => anaRooms.getByRole("link", { name: "scratch" }).count()).toBe(0);
    // Cleo was in the room: her tab leaves it by itself.
    await cleo.page.waitForURL((url) => url.pathname === "/rooms", { timeout: 10_000 });
    await cleo.page.goto(scratchUrl);
    await cleo.page.getByRole("heading", { name: "Room not found" }).waitFor();
    await cleo.page.goto(roomUrl);
    await roomHeading(cleo.page, "design-review").waitFor();
  });

  it("admin: the server administrator deactivates an account; its open tab is signed out", async () => {
    await dan.page.goto("/rooms");
    await ana.page.goto("/admin");
    await ana.page.getByRole("heading", { name: "Server administration" }).waitFor();
    const people = ana.page.getByRole("region", { name: "People" });
    await people.getByRole("cell", { name: "Dan", exact: false }).first().waitFor();
    // No way to lock oneself out.
    await expect(people.getByRole("button", { name: "Deactivate Ana" }).count()).resolves.toBe(0);
    await ana.page.getByRole("region", { name: "Channels" }).getByText("design-review").waitFor();
    await screenshotBoth(ana.page, "admin-page");

    await people.getByLabel("Filter people").fill("DAN");
    await expect.poll(() => people.getByRole("row").count()).toBe(2); // the header and Dan
    await people.getByRole("button", { name: "Deactivate Dan" }).click();
    const confirm = ana.page.getByRole("dialog", { name: "Deactivate Dan?" });
    await confirm.getByText("This cannot be undone.").waitFor();
    await confirm.getByRole("button", { name: "Deactivate account" }).click();
    await confirm.waitFor({ state: "hidden" });
    await people.getByText("Deactivated", { exact: true }).waitFor();
    await expect(people.getByRole("button", { name: "Deactivate Dan" }).count()).resolves.toBe(0);

    await dan.page.waitForURL((url) => url.pathname === "/login", { timeout: 10_000 });
    await dan.page.getByLabel("Email").fill(dan.email);
    await dan.page.getByLabel("Password", { exact: true }).fill("correct horse battery staple");
    await dan.page.getByRole("button", { name: "Sign in" }).click();
    await dan.page
      .getByRole("alert")
      .getByText(/deactivated/i)
      .waitFor();
  });

  it("admin: a job that gave up shows with its error; Retry puts it back in the queue", async () => {
    // A job queued by an older version of Parley (an upgrade with work still queued): this
    // server cannot read it, so its worker parks it at once, for an administrator to see.
    const jobId = randomUUID();
    const handle = connectDb({ kind: "sqlite", file: join(server.dataDir, "parley.sqlite") });
    const now = new Date().toISOString();
    await handle.db
      .insertInto("jobs")
      .values({
        id: jobId,
        kind: "notify.message",
        version: 0,
        payload: JSON.stringify({ messageId: randomUUID() }),
        status: "pending",
        run_after: now,
        locked_until: null,
        last_error: null,
        attempts: 0,
        dedupe_key: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await handle.close();

    await ana.page.goto("/admin");
    const jobs = ana.page.getByRole("region", { name: "Background jobs" });
    const row = jobs.getByRole("row").filter({ hasText: "notify.message" });
    await row.getByText("Written with version 0; this server handles 1").waitFor({ timeout: 15_000 });
    await jobs.getByRole("list", { name: "Jobs by state" }).getByText("1 gave up").waitFor();
    await screenshot(ana.page, "admin-jobs-desktop");
    await ana.page.setViewportSize(PHONE);
    await jobs.scrollIntoViewIfNeeded();
    await screenshot(ana.page, "admin-jobs-phone");
    await ana.page.setViewportSize(DESKTOP);

    const parkedAt = await parkedJobUpdatedAt(ana.page, jobId);
    await row.getByRole("button", { name: "Retry" }).click();
    // Back in the queue, run again, and (still unreadable) parked again: a later give-up time.
    await expect
      .poll(
        async () => {
          const again = await parkedJobUpdatedAt(ana.page, jobId);
          return again !== undefined && again !== parkedAt;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await expect(jobs.getByRole("alert").count()).resolves.toBe(0);
  });

  it("admin: someone who is not a server administrator sees Administrators only", async () => {
    await ben.page.goto("/admin");
    await ben.page.getByRole("heading", { name: "Administrators only" }).waitFor();
    await expect(ben.page.getByRole("table").count()).resolves.toBe(0);
    await screenshotBoth(ben.page, "admin-denied");
    await ben.page.getByRole("link", { name: "Back to rooms" }).click();
    await ben.page.waitForURL((url) => url.pathname === "/rooms");
  });

  it("discovery: a search finds a room by its topic, shows its activity, and joins it", async () => {
    await createRoom(ana.page, "plant-swap", "Cuttings, seeds and repotting tips");
    await sendMessage(ana.page, "Monstera cuttings up for grabs");

    await cleo.page.goto("/rooms/browse");
    const search = cleo.page.getByRole("searchbox", { name: "Search rooms" });
    await search.fill("repotting");
    const results = cleo.page.getByRole("list", { name: "Public rooms matching repotting" });
    // The previous (unfiltered) list stays while the search loads: wait for the narrowed one.
    await expect.poll(() => results.getByRole("listitem").count(), { timeout: 10_000 }).toBe(1);
    await results.getByRole("heading", { name: "plant-swap" }).waitFor();
    await results.getByText(/1 member.*active just now/).waitFor();
    await screenshotBoth(cleo.page, "browse-search");

    await search.fill("zz-no-such-room");
    await cleo.page.getByRole("heading", { name: "No public rooms match “zz-no-such-room”" }).waitFor();
    await cleo.page.getByRole("button", { name: "Create a room" }).waitFor();
    await screenshotBoth(cleo.page, "browse-no-results");

    await search.fill("REPOT");
    await cleo.page.getByRole("button", { name: "Join plant-swap" }).click();
    await cleo.page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    await roomHeading(cleo.page, "plant-swap").waitFor();
  });

  it("room administration: no uncaught errors in any browser", () => {
    for (const person of [ana, ben, cleo, dan]) expect(person.errors).toEqual([]);
  });
});

/** When the parked job last gave up, as the admin API reports it (undefined: not parked). */
async function parkedJobUpdatedAt(page: Page, jobId: string): Promise<string | undefined> {
  return page.evaluate(async (id) => {
    const res = await fetch("/api/admin/jobs");
    const body = (await res.json()) as { parked: Array<{ id: string; updatedAt: string }> };
    return body.parked.find((job) => job.id === id)?.updatedAt;
  }, jobId);
}
