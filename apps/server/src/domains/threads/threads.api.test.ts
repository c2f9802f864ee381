import { randomUUID } from "node:crypto";
import {
  API,
  type Message,
  type Notification,
  type ReadState,
  type SendMessageResponse,
  type ThreadFollowState,
  type ThreadResponse,
  type ThreadsResponse,
} from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFrame, type TestClient } from "../../testing/test-client";
import { DB_KINDS, seedPerson, startTestServer, type TestServer } from "../../testing/test-server";

type Failure = { error: { code: string } };

describe.each(DB_KINDS)("threads (%s)", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server?.close());

  async function channel() {
    const [ana, ben, cy] = (await Promise.all(["Ana", "Ben", "Cy"].map((n) => seedPerson(server, n)))) as [
      TestClient,
      TestClient,
      TestClient,
    ];
    const room = await ana.createRoom();
    await ben.join(room.id);
    await cy.join(room.id);
    return { ana, ben, cy, room };
  }
  const replyIn = (
    client: TestClient,
    roomId: string,
    threadRootId: unknown,
    body = "in the thread",
    clientId: string = randomUUID(),
  ) =>
    client.request<SendMessageResponse & Failure>("POST", API.messages(roomId), {
      clientId,
      body,
      threadRootId,
    });
  const thread = async (client: TestClient, roomId: string, rootId: string) => {
    const res = await client.request<ThreadResponse>("GET", API.thread(roomId, rootId));
    expect(res.status).toBe(200);
    return res.body;
  };
  const threads = async (client: TestClient) => {
    const res = await client.request<ThreadsResponse>("GET", API.threads);
    expect(res.status).toBe(200);
    return res.body;
  };
  const readState = async (client: TestClient, roomId: string) => {
    const res = await client.request<{ reads: ReadState[] }>("GET", API.readStates);
    return res.body.reads.find((r) => r.roomId === roomId);
  };
  const inbox = async (client: TestClient) =>
    (await client.request<{ notifications: Notification[]; unreadCount: number }>("GET", API.notifications))
      .body;
  /** Lets every queued job run, so "nobody was notified" is a fact, not a race. */
  const settle = () => server.app.ctx.jobs.drain();

  it("threads: a reply via REST is a log entry with its root; the root's summary comes with history", async () => {
    const { ana, ben, cy, room } = await channel();
    const root = await ben.send(room.id, "Lunch plans?");
    const first = await replyIn(ana, room.id, root.id, "Tacos");
    expect(first.status).toBe(201);
    expect(first.body.message).toMatchObject({ threadRootId: root.id, seq: root.seq + 1, kind: "message" });
    await replyIn(cy, room.id, root.id, "Sushi");
    await replyIn(ana, room.id, root.id, "Or both");
    const after = await ben.send(room.id, "back in the room");

    // The log stays gapless: the replies take the room's next numbers like any message.
    const page = await ben.history(room.id);
    expect(page.messages.map((m: Message) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(page.messages.filter((m: Message) => m.threadRootId === root.id)).toHaveLength(3);
    expect(page.messages.find((m: Message) => m.id === after.id)?.threadRootId).toBeNull();
    const summary = page.messages.find((m: Message) => m.id === root.id)?.thread;
    expect(summary).toMatchObject({ replyCount: 3, lastReplySeq: 4 });
    // The last repliers, newest first, each once.
    expect(summary?.repliers.map((u) => u.displayName)).toEqual(["Ana", "Cy"]);

    const view = await thread(cy, room.id, root.id);
    expect(view.root.id).toBe(root.id);
    expect(view.replies.map((r) => r.body)).toEqual(["Tacos", "Sushi", "Or both"]);
    expect(view.hasMore).toBe(false);
  });

  it("threads: a reply via the socket is acked after commit, reaches the room live, and a retry is not stored twice", async () => {
    const { ana, ben, room } = await channel();
    const root = await ana.send(room.id, "Release notes draft");
    const a = await ana.connect();
    const b = await ben.connect();
    await Promise.all([a.waitFor(isFrame("ready")), b.waitFor(isFrame("ready"))]);
    await a.sync([{ roomId: room.id, afterSeq: root.seq }]);
    await b.sync([{ roomId: room.id, afterSeq: root.seq }]);
    const clientId = randomUUID();
    for (let i = 0; i < 3; i++) {
      a.send({
        type: "message.send",
        roomId: room.id,
        clientId,
        body: "typo on line 3",
        threadRootId: root.id,
      });
    }
    const ack = await a.waitFor(isFrame("message.ack"));
    expect(ack.message.threadRootId).toBe(root.id);
    const live = await b.waitFor(
      (f): f is Extract<typeof f, { type: "message.new" }> => f.type === "message.new" && f.message.seq === 2,
    );
    expect(live.message).toMatchObject({ threadRootId: root.id, body: "typo on line 3" });
    // Same clientId over REST too: the original, no new number, still one reply counted.
    const again = await replyIn(ana, room.id, root.id, "typo on line 3", clientId);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, message: { id: ack.message.id } });
    const page = await ben.history(room.id);
    expect(page.messages).toHaveLength(2);
    expect(page.messages[0]?.thread?.replyCount).toBe(1);
    a.close();
    b.close();
  });

  it("threads: the root must be a message of the same room that is not itself a thread reply", async () => {
    const { ana, ben, room } = await channel();
    const other = await ana.createRoom();
    await ben.join(other.id);
    const elsewhere = await ana.send(other.id, "other room");
    const root = await ana.send(room.id, "root");
    const reply = (await replyIn(ben, room.id, root.id)).body.message;

    const missing = await replyIn(ben, room.id, randomUUID());
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("MESSAGE_NOT_FOUND");
    const foreign = await replyIn(ben, room.id, elsewhere.id);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe("MESSAGE_NOT_FOUND");
    const nested = await replyIn(ben, room.id, reply.id);
    expect(nested.status).toBe(422);
    expect(nested.body.error.code).toBe("INVALID_THREAD_ROOT");
    const bad = await replyIn(ben, room.id, "not-an-id");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    // The socket refuses the same way, with the send's clientId.
    const socket = await ben.connect();
    await socket.waitFor(isFrame("ready"));
    await socket.sync([]);
    const clientId = randomUUID();
    socket.send({ type: "message.send", roomId: room.id, clientId, body: "x", threadRootId: reply.id });
    const error = await socket.waitFor(isFrame("error"));
    expect(error).toMatchObject({ clientId, error: { code: "INVALID_THREAD_ROOT" } });
    socket.close();
    // A reply has no thread to read, and nothing was stored by the refused sends.
    const view = await ben.request<Failure>("GET", API.thread(room.id, reply.id));
    expect(view.status).toBe(422);
    expect((await ben.history(room.id)).messages).toHaveLength(2);
  });

  it("threads: a muted member cannot reply in a thread; a non-member cannot read one", async () => {
    const { ana, ben, room } = await channel();
    const root = await ana.send(room.id, "announcement");
    const muted = await ana.request("PUT", API.mute(room.id, ben.user?.id ?? ""), { durationSeconds: 600 });
    expect(muted.status).toBe(204);
    const refused = await replyIn(ben, room.id, root.id);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("MUTED");
    const socket = await ben.connect();
    await socket.waitFor(isFrame("ready"));
    await socket.sync([]);
    socket.send({
      type: "message.send",
      roomId: room.id,
      clientId: randomUUID(),
      body: "x",
      threadRootId: root.id,
    });
    expect((await socket.waitFor(isFrame("error"))).error.code).toBe("MUTED");
    socket.close();
    // Muted members still read the thread and follow it.
    expect((await thread(ben, room.id, root.id)).replies).toEqual([]);
    const outsider = await seedPerson(server, "Out");
    const hidden = await outsider.request<Failure>("GET", API.thread(room.id, root.id));
    expect(hidden.status).toBe(403);
    expect(hidden.body.error.code).toBe("NOT_A_MEMBER");
  });

  it("threads: the root's author and repliers follow; anyone may follow or unfollow; an unfollow is remembered", async () => {
    const { ana, ben, cy, room } = await channel();
    const root = await ben.send(room.id, "Who reviews #42?");
    expect((await thread(ben, room.id, root.id)).state.following).toBe(false);
    await replyIn(ana, room.id, root.id, "Me");
    expect((await thread(ben, room.id, root.id)).state).toMatchObject({
      following: true,
      readSeq: 0,
      unreadCount: 1,
    });
    expect((await thread(ana, room.id, root.id)).state).toMatchObject({
      following: true,
      readSeq: 2,
      unreadCount: 0,
    });
    expect((await thread(cy, room.id, root.id)).state.following).toBe(false);

    // Cy follows by hand: what was there is read, the next reply is not.
    const followed = await cy.request<{ state: ThreadFollowState }>(
      "PUT",
      API.threadFollow(room.id, root.id),
      {
        following: true,
      },
    );
    expect(followed.status).toBe(200);
    expect(followed.body.state).toMatchObject({ following: true, readSeq: 2, unreadCount: 0 });
    // Ben unfollows his own thread: the next reply does not make him follow again…
    await ben.request("PUT", API.threadFollow(room.id, root.id), { following: false });
    await replyIn(ana, room.id, root.id, "Done");
    expect((await thread(ben, room.id, root.id)).state.following).toBe(false);
    expect((await thread(cy, room.id, root.id)).state.unreadCount).toBe(1);
    // …but taking part does.
    await replyIn(ben, room.id, root.id, "Thanks");
    expect((await thread(ben, room.id, root.id)).state).toMatchObject({ following: true, readSeq: 4 });
    const bad = await cy.request<Failure>("PUT", API.threadFollow(room.id, root.id), { following: "yes" });
    expect(bad.status).toBe(400);
    const missing = await cy.request<Failure>("PUT", API.threadFollow(room.id, randomUUID()), {
      following: true,
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("MESSAGE_NOT_FOUND");
  });

  it("threads: a per-thread read pointer, the Threads list unread first, and room unread without thread replies", async () => {
    const { ana, ben, cy, room } = await channel();
    const quiet = await ana.send(room.id, "quiet thread");
    const busy = await ana.send(room.id, "busy thread");
    await replyIn(ben, room.id, quiet.id, "one");
    await replyIn(ben, room.id, busy.id, "two");
    await replyIn(cy, room.id, busy.id, "three");
    await ana.request("POST", API.threadRead(room.id, quiet.id), { seq: 3 });

    const list = await threads(ana);
    expect(list.unreadThreads).toBe(1);
    expect(list.threads.map((t) => [t.root.body, t.state.unreadCount])).toEqual([
      ["busy thread", 2],
      ["quiet thread", 0],
    ]);
    expect(list.threads[0]).toMatchObject({
      room: { id: room.id, name: room.name },
      root: { thread: { replyCount: 2 } },
    });

    // Reading the thread: clamped to its newest reply; a stale pointer does not move it back.
    const read = await ana.request<{ state: ThreadFollowState }>("POST", API.threadRead(room.id, busy.id), {
      seq: 999,
    });
    expect(read.body.state).toMatchObject({ readSeq: 5, unreadCount: 0 });
    const stale = await ana.request<{ state: ThreadFollowState }>("POST", API.threadRead(room.id, busy.id), {
      seq: 1,
    });
    expect(stale.body.state.readSeq).toBe(5);
    expect((await threads(ana)).unreadThreads).toBe(0);
    const bad = await ana.request<Failure>("POST", API.threadRead(room.id, busy.id), { seq: -1 });
    expect(bad.status).toBe(400);

    // Cy never read the room: the two roots count, the three thread replies do not.
    expect(await readState(cy, room.id)).toMatchObject({ unreadCount: 2 });
    // Ben follows the threads he replied in, nothing unread there; not a room he left.
    expect((await threads(ben)).threads).toHaveLength(2);
    await ben.request("POST", API.leaveRoom(room.id));
    expect((await threads(ben)).threads).toEqual([]);
  });

  it("threads: followers are notified of new replies (kind thread); reading the thread reads them", async () => {
    const { ana, ben, cy, room } = await channel();
    const root = await ana.send(room.id, "Deploy at 5?");
    const socket = await ana.connect();
    await socket.waitFor(isFrame("ready"));
    const reply = (await replyIn(ben, room.id, root.id, "Fine by me")).body.message;
    const frame = await socket.waitFor(isFrame("notification.new"));
    expect(frame.notification).toMatchObject({
      kind: "thread",
      messageId: reply.id,
      threadRootId: root.id,
      author: { displayName: "Ben" },
      excerpt: "Fine by me",
      read: false,
    });
    await settle();
    // Not a follower: nothing. The author: nothing for their own reply.
    expect((await inbox(cy)).notifications).toEqual([]);
    expect((await inbox(ben)).notifications).toEqual([]);
    // A thread entry is not a room mention, and reading the room does not read it.
    expect(await readState(ana, room.id)).toMatchObject({ mentionCount: 0, unreadCount: 0 });
    await ana.request("POST", API.markRead(room.id), { seq: reply.seq });
    expect((await inbox(ana)).unreadCount).toBe(1);
    await ana.request("POST", API.threadRead(room.id, root.id), { seq: reply.seq });
    const after = await inbox(ana);
    expect(after.unreadCount).toBe(0);
    expect(after.notifications[0]?.read).toBe(true);
    const told = await socket.waitFor(isFrame("notifications.read"));
    expect(told.read).toEqual({ ids: [after.notifications[0]?.id] });
    socket.close();

    // Unfollowed: no more entries.
    await ana.request("PUT", API.threadFollow(room.id, root.id), { following: false });
    await replyIn(cy, room.id, root.id, "and me");
    await settle();
    expect((await inbox(ana)).notifications).toHaveLength(1);
    expect((await inbox(ben)).notifications.map((n) => n.excerpt)).toEqual(["and me"]);
  });

  it("threads: a client resuming after a reconnect gets the thread replies it missed, in order", async () => {
    const { ana, ben, room } = await channel();
    const root = await ana.send(room.id, "standup");
    const first = await ben.connect();
    await first.waitFor(isFrame("ready"));
    await first.sync([{ roomId: room.id, afterSeq: root.seq }]);
    first.close();
    await replyIn(ana, room.id, root.id, "r1");
    await ana.send(room.id, "timeline");
    await replyIn(ana, room.id, root.id, "r2");
    const second = await ben.connect();
    await second.waitFor(isFrame("ready"));
    await second.sync([{ roomId: room.id, afterSeq: root.seq }]);
    await second.waitFor(isFrame("sync.done"));
    const got = second.messages(room.id);
    expect(got.map((m) => [m.seq, m.body, m.threadRootId ?? null])).toEqual([
      [2, "r1", root.id],
      [3, "timeline", null],
      [4, "r2", root.id],
    ]);
    second.close();
  });

  it("threads: deleting the root keeps its thread readable; a deleted reply keeps its place", async () => {
    const { ana, ben, room } = await channel();
    const root = await ana.send(room.id, "oops, wrong room");
    const reply = (await replyIn(ben, room.id, root.id, "happens")).body.message;
    await replyIn(ben, room.id, root.id, "no worries");
    expect((await ana.request("DELETE", API.message(room.id, root.id))).status).toBe(200);
    expect((await ben.request("DELETE", API.message(room.id, reply.id))).status).toBe(200);
    const view = await thread(ben, room.id, root.id);
    expect(view.root).toMatchObject({ deleted: "author", body: "", thread: { replyCount: 2 } });
    expect(view.replies.map((r) => [r.body, r.deleted])).toEqual([
      ["", "author"],
      ["no worries", null],
    ]);
    // Still answerable, as in Slack.
    expect((await replyIn(ana, room.id, root.id, "moved it")).status).toBe(201);
  });
});
