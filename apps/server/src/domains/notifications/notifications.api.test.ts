import { API, mentionText, type Notification, type ReadState, type Room } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFrame, type TestClient } from "../../testing/test-client";
import { DB_KINDS, seedPerson, startTestServer, type TestServer } from "../../testing/test-server";
import { storeMessages } from "../messages/store-messages";
import { notifyForMessages, notifyMessageJob } from "./notify-message";

type Inbox = { notifications: Notification[]; hasMore: boolean; unreadCount: number };

describe.each(DB_KINDS)("notifications (%s)", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server?.close());

  const inbox = async (client: TestClient, query = ""): Promise<Inbox> => {
    const res = await client.request<Inbox>("GET", `${API.notifications}${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  /** Waits for the job to have written this many entries. */
  const inboxOf = async (client: TestClient, count: number): Promise<Inbox> => {
    await expect.poll(async () => (await inbox(client)).notifications.length, { timeout: 5_000 }).toBe(count);
    return inbox(client);
  };
  /** Lets every queued job run, so "nothing happened" is a fact, not a race. */
  const settle = () => server.app.ctx.jobs.drain();

  async function channel() {
    const [owner, ana, ben] = await Promise.all(["Olga", "Ana", "Ben"].map((n) => seedPerson(server, n)));
    const room = await (owner as TestClient).createRoom();
    await (ana as TestClient).join(room.id);
    await (ben as TestClient).join(room.id);
    return { owner: owner as TestClient, ana: ana as TestClient, ben: ben as TestClient, room };
  }

  it("notifications: a mention by name reaches the person's inbox and devices, not the author's", async () => {
    const { ana, ben, room } = await channel();
    const socket = await ben.connect();
    await socket.waitFor(isFrame("ready"));
    const message = await ana.send(room.id, `hey ${mentionText("Ben")}, look`);
    const frame = await socket.waitFor(isFrame("notification.new"));
    expect(frame.notification).toMatchObject({
      kind: "mention",
      messageId: message.id,
      seq: message.seq,
      author: { id: ana.user?.id, displayName: "Ana" },
      excerpt: "hey @**Ben**, look",
      read: false,
      room: { id: room.id, kind: "channel", name: room.name },
    });
    expect((await inboxOf(ben, 1)).unreadCount).toBe(1);
    await settle();
    expect((await inbox(ana)).notifications).toEqual([]);
    const reads = await ben.request<{ reads: ReadState[] }>("GET", API.readStates);
    expect(reads.body.reads.find((r) => r.roomId === room.id)).toMatchObject({
      unreadCount: 1,
      mentionCount: 1,
    });
    socket.close();
  });

  it("notifications: reading the room marks its mentions read", async () => {
    const { ana, ben, room } = await channel();
    const message = await ana.send(room.id, `${mentionText("ben")} (any case)`);
    await inboxOf(ben, 1);
    const read = await ben.request<{ read: ReadState }>("POST", API.markRead(room.id), { seq: message.seq });
    expect(read.body.read).toMatchObject({ unreadCount: 0, mentionCount: 0 });
    expect((await inbox(ben)).notifications[0]?.read).toBe(true);
    expect((await inbox(ben)).unreadCount).toBe(0);
  });

  it("notifications: every message of a direct conversation notifies the others", async () => {
    const [ana, ben, cleo] = await Promise.all(["Ana", "Ben", "Cleo"].map((n) => seedPerson(server, n)));
    const res = await (ana as TestClient).request<{ room: Room }>("POST", API.conversations, {
      userIds: [ben?.user?.id, cleo?.user?.id],
    });
    await (ana as TestClient).send(res.body.room.id, "group hello");
    for (const person of [ben, cleo] as TestClient[]) {
      const entries = (await inboxOf(person, 1)).notifications;
      expect(entries[0]).toMatchObject({ kind: "dm", excerpt: "group hello" });
      expect(entries[0]?.room.people.map((p) => p.displayName).sort()).toContain("Ana");
    }
  });

  it("notifications: @room notifies everyone only when a moderator or above writes it", async () => {
    const { owner, ana, ben, room } = await channel();
    await ana.send(room.id, "@room free pizza");
    await settle();
    expect((await inbox(ben)).notifications).toEqual([]);
    await owner.send(room.id, "@room fire drill at 3");
    for (const person of [ana, ben]) {
      expect((await inboxOf(person, 1)).notifications[0]).toMatchObject({ kind: "room" });
    }
  });

  it("notifications: @here reaches only the members online when it is sent", async () => {
    const { owner, ana, ben, room } = await channel();
    const online = await ben.connect();
    await online.waitFor(isFrame("ready"));
    await expect
      .poll(async () => (await server.app.ctx.presence.snapshot([ben.user?.id ?? ""]))[0]?.status)
      .toBe("online");
    await owner.send(room.id, "@here standup now");
    expect((await inboxOf(ben, 1)).notifications[0]).toMatchObject({ kind: "here" });
    await settle();
    // Ana has no connection open: she is offline, so @here passes her by.
    expect((await inbox(ana)).notifications).toEqual([]);
    online.close();
  });

  it("notifications: a muted room notifies only of mentions by name", async () => {
    const { owner, ana, ben, room } = await channel();
    expect((await ben.request("PUT", API.notifyLevel(room.id), { level: "mute" })).status).toBe(204);
    await owner.send(room.id, "@room everyone");
    await settle();
    expect((await inbox(ben)).notifications).toEqual([]);
    await ana.send(room.id, `${mentionText("Ben")} you specifically`);
    expect((await inboxOf(ben, 1)).notifications[0]).toMatchObject({ kind: "mention" });
  });

  it("notifications: nobody is notified of a message they already read, and a re-run writes nothing twice", async () => {
    const { ana, ben, room } = await channel();
    await server.app.ctx.jobs.stop();
    try {
      const first = await ana.send(room.id, `${mentionText("Ben")} read on the phone`);
      await ben.request("POST", API.markRead(room.id), { seq: first.seq });
      const second = await ana.send(room.id, `${mentionText("Ben")} not read yet`);
      await settle();
      const entries = (await inbox(ben)).notifications;
      expect(entries.map((n) => n.messageId)).toEqual([second.id]);
      // The job may run again after a crash: still one entry.
      await notifyForMessages(server.app.ctx, [second.id]);
      expect((await inbox(ben)).notifications).toHaveLength(1);
    } finally {
      server.app.ctx.jobs.start();
    }
  });

  it("notifications: a batch of sends is one job; its entries reach devices oldest first and list newest first", async () => {
    const { ana, ben, room } = await channel();
    const dm = (await ana.request<{ room: Room }>("POST", API.conversations, { userIds: [ben.user?.id] }))
      .body.room;
    const socket = await ben.connect();
    await socket.waitFor(isFrame("ready"));
    const before = socket.frames.length;
    await server.app.ctx.jobs.stop();
    let sent: Awaited<ReturnType<typeof storeMessages>>;
    try {
      // One batch, as the send pipeline stores what arrives in one turn: three DMs and a mention.
      const author = { id: ana.user?.id ?? "", displayName: "Ana" };
      const send = (roomId: string, body: string) => ({
        author,
        roomId,
        clientId: crypto.randomUUID(),
        body,
      });
      sent = await storeMessages(server.app.ctx, [
        send(dm.id, "one"),
        send(room.id, `${mentionText("Ben")} two`),
        send(dm.id, "three"),
        send(room.id, "nobody is named here"),
        send(dm.id, "four"),
      ]);
      const jobs = await server.app.ctx.db
        .selectFrom("jobs")
        .select("payload")
        .where("kind", "=", notifyMessageJob.id)
        .where("status", "=", "pending")
        .execute();
      expect(jobs).toHaveLength(1);
      expect(JSON.parse(jobs[0]?.payload ?? "{}").messageIds.sort()).toEqual(
        [0, 1, 2, 4].map((i) => sent[i]?.message.id).sort(),
      );
      await settle();
    } finally {
      server.app.ctx.jobs.start();
    }
    const frames = await expect
      .poll(() => socket.frames.slice(before).filter(isFrame("notification.new")), { timeout: 5_000 })
      .toHaveLength(4)
      .then(() => socket.frames.slice(before).filter(isFrame("notification.new")));
    const wanted = [0, 1, 2, 4].map((i) => sent[i]?.message.id);
    expect(frames.map((f) => f.notification.messageId).sort()).toEqual([...wanted].sort());
    // Within a room the device hears them in order (each goes on top of its inbox).
    const dmOrder = frames.filter((f) => f.notification.room.id === dm.id).map((f) => f.notification.seq);
    expect(dmOrder).toEqual([...dmOrder].sort((a, b) => a - b));
    expect(frames.find((f) => f.notification.room.id === dm.id)?.notification.room.people).toEqual([
      { id: ana.user?.id, displayName: "Ana" },
    ]);
    // They share a timestamp: a page of one at a time still walks them all, newest first per room.
    const walked: Notification[] = [];
    let page = await inbox(ben, "?limit=1");
    walked.push(...page.notifications);
    while (page.hasMore) {
      page = await inbox(ben, `?limit=1&before=${walked.at(-1)?.id}`);
      walked.push(...page.notifications);
    }
    expect(walked.map((n) => n.messageId).sort()).toEqual([...wanted].sort());
    expect(walked.filter((n) => n.room.id === dm.id).map((n) => n.excerpt)).toEqual(["four", "three", "one"]);
    socket.close();
  });

  it("notifications: a merged backlog bigger than one statement's parameters is written whole", async () => {
    const { ana, ben, room } = await channel();
    await server.app.ctx.jobs.stop();
    let ids: string[];
    try {
      // 4,000 mentions: 36,000 parameters as one INSERT, past SQLite's 32,766.
      const author = { id: ana.user?.id ?? "", displayName: "Ana" };
      const sent = await storeMessages(
        server.app.ctx,
        Array.from({ length: 4_000 }, (_, i) => ({
          author,
          roomId: room.id,
          clientId: crypto.randomUUID(),
          body: `${mentionText("Ben")} ${i}`,
        })),
      );
      ids = sent.map((r) => r.message.id);
      await notifyForMessages(server.app.ctx, ids);
    } finally {
      server.app.ctx.jobs.start();
    }
    const count = await server.app.ctx.db
      .selectFrom("notifications")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("user_id", "=", ben.user?.id ?? "")
      .where("message_id", "in", ids)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(4_000);
    await settle();
  });

  it("notifications: a job queued before send batches shared one (a single messageId) still runs", async () => {
    const { ana, ben, room } = await channel();
    await server.app.ctx.jobs.stop();
    try {
      const message = await ana.send(room.id, `${mentionText("Ben")} from before the upgrade`);
      await server.app.ctx.db.deleteFrom("jobs").where("kind", "=", notifyMessageJob.id).execute();
      // As an older server wrote it (enqueueJob would write today's shape).
      const now = new Date().toISOString();
      await server.app.ctx.db
        .insertInto("jobs")
        .values({
          id: crypto.randomUUID(),
          kind: notifyMessageJob.id,
          version: notifyMessageJob.version,
          payload: JSON.stringify({ messageId: message.id }),
          status: "pending",
          run_after: now,
          locked_until: null,
          last_error: null,
          dedupe_key: message.id,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await settle();
      expect((await inbox(ben)).notifications.map((n) => n.messageId)).toEqual([message.id]);
    } finally {
      server.app.ctx.jobs.start();
    }
  });

  it("notifications: a deleted message shows as deleted in the inbox", async () => {
    const { ana, ben, room } = await channel();
    const message = await ana.send(room.id, `${mentionText("Ben")} oops`);
    await inboxOf(ben, 1);
    await ana.request("DELETE", API.message(room.id, message.id));
    expect((await inbox(ben)).notifications[0]).toMatchObject({ excerpt: "", deleted: true });
  });

  it("notifications: pages backwards, and marks some or all read", async () => {
    const { ana, ben, room } = await channel();
    for (let i = 0; i < 5; i++) await ana.send(room.id, `${mentionText("Ben")} #${i}`);
    await inboxOf(ben, 5);
    const first = await inbox(ben, "?limit=2");
    expect(first.hasMore).toBe(true);
    const second = await inbox(ben, `?limit=2&before=${first.notifications[1]?.id}`);
    const third = await inbox(ben, `?limit=2&before=${second.notifications[1]?.id}`);
    const all = [...first.notifications, ...second.notifications, ...third.notifications];
    expect(all.map((n) => n.excerpt)).toEqual([4, 3, 2, 1, 0].map((i) => `@**Ben** #${i}`));
    expect(third.hasMore).toBe(false);

    // Ben's other device hears each change; a mark that changes nothing tells it nothing.
    const phone = await ben.connect();
    await phone.waitFor(isFrame("ready"));
    const firstId = first.notifications[0]?.id ?? "";
    const some = await ben.request<{ unreadCount: number }>("POST", API.notificationsRead, {
      ids: [firstId],
    });
    expect(some.body.unreadCount).toBe(4);
    expect(await phone.waitFor(isFrame("notifications.read"))).toMatchObject({
      read: { ids: [firstId] },
      unreadCount: 4,
    });
    const before = phone.frames.length;
    await ben.request("POST", API.notificationsRead, { ids: [firstId] });
    const rest = await ben.request<{ unreadCount: number }>("POST", API.notificationsRead, { all: true });
    expect(rest.body.unreadCount).toBe(0);
    const after = await phone.waitFor(isFrame("notifications.read"), 5000, before);
    expect(after).toMatchObject({ read: { all: true }, unreadCount: 0 });
    expect(phone.frames.slice(before).filter((f) => f.type === "notifications.read")).toHaveLength(1);
    phone.close();
    // Someone else's ids mark nothing of theirs.
    const other = await ana.request<{ unreadCount: number }>("POST", API.notificationsRead, {
      ids: [first.notifications[1]?.id],
    });
    expect(other.status).toBe(200);
    for (const body of [{}, { ids: [] }, { ids: ["nope"] }, { all: false }]) {
      expect((await ben.request("POST", API.notificationsRead, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await ben.request("GET", `${API.notifications}?limit=0`)).status).toBe(400);
  });
});
