import type { Browser, BrowserContext, Locator, Page } from "playwright-core";

export interface Person {
  context: BrowserContext;
  page: Page;
  email: string;
  name: string;
  /** Uncaught page errors: a spec fails if any appear. */
  errors: string[];
}

/** A new browser profile for one person, watching for uncaught errors. */
export async function newPerson(
  browser: Browser,
  baseURL: string,
  name: string,
  viewport: { width: number; height: number },
): Promise<Person> {
  const context = await browser.newContext({ baseURL, viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  return { context, page, name, email: `${name.toLowerCase()}-${Date.now()}@example.test`, errors };
}

export async function signUp(person: Person): Promise<void> {
  const { page } = person;
  await page.goto("/signup");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Display name").fill(person.name);
  await page.getByLabel("Password", { exact: true }).fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/rooms/);
}

/** Waits until a message with this text is in the open room's message log. */
export async function expectMessage(page: Page, text: string, timeout = 10_000): Promise<void> {
  await page.getByRole("log", { name: "Messages" }).getByText(text, { exact: true }).waitFor({ timeout });
}

export async function sendMessage(page: Page, text: string): Promise<void> {
  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill(text);
  await box.press("Enter");
}

/** Creates a room from the sidebar and waits for its page; returns its path. */
export async function createRoom(page: Page, name: string, topic = ""): Promise<string> {
  await page.getByRole("button", { name: "Create room" }).click();
  await page.getByLabel("Room name").fill(name);
  if (topic) await page.getByLabel("Topic").fill(topic);
  await page.getByRole("dialog").getByRole("button", { name: "Create", exact: true }).click();
  await page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
  await page.getByRole("heading", { name, level: 1 }).waitFor();
  return new URL(page.url()).pathname;
}

/** Joins a public room from the browse page and waits for its page. */
export async function joinRoom(page: Page, name: string): Promise<void> {
  await page.goto("/rooms/browse");
  await page.getByRole("button", { name: `Join ${name}` }).click();
  await page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
  await page.getByRole("heading", { name, level: 1 }).waitFor();
}

export function messageLog(page: Page) {
  return page.getByRole("log", { name: "Messages" });
}

/** The bodies in the open room's message log, top to bottom. */
export function messageBodies(page: Page): Promise<string[]> {
  return messageLog(page).locator("article p").allTextContents();
}

/** The row of the open room that shows this body (exactly one expected). */
export function messageRow(page: Page, body: string) {
  return messageLog(page)
    .locator("article")
    .filter({ has: page.getByText(body, { exact: true }) });
}

/** The sidebar section of direct messages (1:1 and groups). */
export function directMessages(page: Page) {
  return page.getByRole("navigation", { name: "Direct messages" });
}

/** A conversation's link in the sidebar, by its name; an unread badge may follow ("Ana 1 unread"). */
export function conversationLink(page: Page, name: string) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return directMessages(page).getByRole("link", { name: new RegExp(`^${escaped}( .*unread.*)?$`) });
}

/** In an open people picker: searches each name and chooses that person; their chip appears. */
export async function choosePeople(dialog: Locator, names: string[]): Promise<void> {
  const search = dialog.getByRole("combobox");
  for (const name of names) {
    await search.fill(name);
    await dialog.getByRole("option", { name, exact: true }).click();
    await dialog.getByRole("list", { name: "Chosen people" }).getByText(name, { exact: true }).waitFor();
  }
}

/**
 * Opens (starts or finds) the conversation with these people from the sidebar's "New message"
 * and waits for its page, whose heading is `heading`; returns its path.
 */
export async function openConversation(page: Page, names: string[], heading: string): Promise<string> {
  await page.getByRole("button", { name: "New message" }).click();
  const dialog = page.getByRole("dialog", { name: "New message" });
  await choosePeople(dialog, names);
  await dialog.getByRole("button", { name: "Open conversation" }).click();
  await dialog.waitFor({ state: "hidden" });
  await page.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
  await page.getByRole("heading", { name: heading, level: 1, exact: true }).waitFor();
  return new URL(page.url()).pathname;
}

/** Opens the open room's settings dialog from its header (admins and owners) and returns it. */
export async function openRoomSettings(page: Page) {
  await page.getByRole("button", { name: "Room settings" }).click();
  const dialog = page.getByRole("dialog", { name: "Room settings" });
  await dialog.waitFor();
  return dialog;
}
