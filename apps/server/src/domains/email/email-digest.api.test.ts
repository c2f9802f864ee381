import { randomUUID } from "node:crypto";
import { API, type Room } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config";
import type { TestClient } from "../../testing/test-client";
import { DB_KINDS, seedPerson, startTestServer, type TestServer } from "../../testing/test-server";
import { startTestSmtpServer, type TestSmtpServer } from "../../testing/test-smtp-server";

/** Short enough for a test; the job for an entry is due one to two delays after it. */
const DELAY_MS = 400;

describe.each(DB_KINDS)("email digest (%s)", (kind) => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    const mail = loadConfig({ NODE_ENV: "test" }).mail;
    server = await startTestServer(kind, {
      mail: { ...mail, smtpUrl: smtp.url, linkBase: "http://parley.test", digestDelayMs: DELAY_MS },
    });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  /** Two people with a DM between them; `reader` has a confirmed email. */
  async function pair() {
    const [reader, writer] = [await seedPerson(server, "Rita"), await seedPerson(server, "Walt<b>")];
    const db = server.app.ctx.db;
    await db
      .updateTable("users")
      .set({ email_verified_at: new Date().toISOString() })
      .where("id", "=", reader.user?.id ?? "")
      .execute();
    const res = await writer.request<{ room: Room }>("POST", API.conversations, {
      userIds: [reader.user?.id],
    });
    expect(res.status).toBeLessThan(300);
    return { reader, writer, room: res.body.room, email: reader.user?.email ?? "" };
  }
  /** Waits until every digest job queued so far has run (they are due within two delays). */
  async function digestsDone() {
    await expect
      .poll(
        async () =>
          (
            await server.app.ctx.db
              .selectFrom("jobs")
              .select("id")
              .where("kind", "=", "email.digest")
              .where("status", "<>", "done")
              .execute()
          ).length,
        { timeout: 10_000, interval: 100 },
      )
      .toBe(0);
  }
  const waitForNotifications = async (client: TestClient, count: number) =>
    expect
      .poll(
        async () =>
          (await client.request<{ notifications: unknown[] }>("GET", API.notifications)).body.notifications
            .length,
        {
          timeout: 5_000,
        },
      )
      .toBe(count);

  it("digest: missed DMs are emailed once, after the delay, with escaped names, and marked emailed", async () => {
    const { reader, writer, room, email } = await pair();
    await writer.send(room.id, "first <i>unread</i> message");
    await writer.send(room.id, "second one");
    await waitForNotifications(reader, 2);
    // The two usually share one digest; they get two when a window boundary falls between them.
    const first = await smtp.next(email, { timeoutMs: 10_000 });
    const mails = first.text.includes("second one")
      ? [first]
      : [first, await smtp.next(email, { timeoutMs: 10_000 })];
    const all = mails.map((m) => m.text).join("\n");
    expect(all.split("first <i>unread</i> message")).toHaveLength(2);
    expect(all.split("second one")).toHaveLength(2);
    if (mails.length === 1) expect(first.subject).toBe("2 messages you missed on Parley");
    else expect(first.subject).toBe("Walt<b> wrote to you on Parley");
    expect(first.text).toContain("Walt<b> wrote to you:");
    expect(first.text).toContain("first <i>unread</i> message");
    expect(first.text).toContain(`http://parley.test/rooms/${room.id}?seq=`);
    expect(first.html).toContain("Walt&lt;b&gt; wrote to you");
    expect(first.html).toContain("first &lt;i&gt;unread&lt;/i&gt; message");
    expect(first.html).not.toContain("<i>unread");
    await digestsDone();
    const rows = await server.app.ctx.db
      .selectFrom("notifications")
      .select("emailed_at")
      .where("user_id", "=", reader.user?.id ?? "")
      .execute();
    expect(rows.every((r) => r.emailed_at !== null)).toBe(true);
    // A later message goes out in a digest of its own, without the two already emailed.
    await writer.send(room.id, "third, later");
    const later = await smtp.next(email, { timeoutMs: 10_000 });
    expect(later.text).toContain("third, later");
    expect(later.text).not.toContain("second one");
    await digestsDone();
    expect(smtp.for(email)).toHaveLength(mails.length + 1);
  });

  it("digest: nothing is sent for entries read before the delay ran out", async () => {
    const { reader, writer, room, email } = await pair();
    const message = await writer.send(room.id, "read it in time");
    await waitForNotifications(reader, 1);
    expect((await reader.request("POST", API.markRead(room.id), { seq: message.seq })).status).toBeLessThan(
      300,
    );
    await digestsDone();
    expect(smtp.for(email)).toEqual([]);
  });

  it("digest: not sent when turned off, when push works, or to an unconfirmed address", async () => {
    const off = await pair();
    await off.reader.request("PATCH", API.mySecurity, { emailDigest: false });
    const pushed = await pair();
    const now = new Date().toISOString();
    await server.app.ctx.db
      .insertInto("push_subscriptions")
      .values({
        id: randomUUID(),
        user_id: pushed.reader.user?.id ?? "",
        endpoint: `https://push.example.org/${randomUUID()}`,
        p256dh: "p",
        auth: "a",
        user_agent: "test",
        label: "test",
        receipt_token: randomUUID(),
        created_at: now,
        last_sent_at: now,
        last_confirmed_at: now,
        unconfirmed_since: null,
        last_error: null,
        test_sent_at: null,
        test_confirmed_at: null,
      })
      .execute();
    const unconfirmed = await pair();
    await server.app.ctx.db
      .updateTable("users")
      .set({ email_verified_at: null })
      .where("id", "=", unconfirmed.reader.user?.id ?? "")
      .execute();
    for (const p of [off, pushed, unconfirmed]) await p.writer.send(p.room.id, "you will not get an email");
    for (const p of [off, pushed, unconfirmed]) await waitForNotifications(p.reader, 1);
    // A control: someone who does get one, so the jobs certainly had time to run.
    const control = await pair();
    await control.writer.send(control.room.id, "control");
    await smtp.next(control.email, { timeoutMs: 10_000 });
    await digestsDone();
    for (const p of [off, pushed, unconfirmed]) expect(smtp.for(p.email)).toEqual([]);
  });
});
