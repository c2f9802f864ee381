import { describe, expect, it } from "vitest";
import { findGap } from "./gap";
import { buildListItems } from "./list-items";
import { mergeMessages } from "./merge-messages";
import type { OutboxEntry } from "./outbox";
import { ALICE, BOB, fakeMessage, ROOM_ID } from "./test-messages";

const root = fakeMessage(1, { author: BOB, body: "root" });
const reply = (seq: number, author = ALICE) =>
  fakeMessage(seq, { author, threadRootId: root.id, body: `reply ${seq}` });
const pending = (clientId: string, threadRootId?: string): OutboxEntry => ({
  clientId,
  roomId: ROOM_ID,
  body: threadRootId ? "in thread" : "in room",
  status: "sending",
  createdAt: "2026-01-01T12:10:00.000Z",
  error: null,
  ...(threadRootId ? { threadRootId } : {}),
});

describe("messages: thread replies in the room's cache", () => {
  it("messages: the cache keeps thread replies (gapless); the timeline hides them, the thread shows only them", () => {
    const cache = mergeMessages([root], [reply(2), fakeMessage(3, { body: "room" }), reply(4, BOB)]);
    expect(cache.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(findGap(cache)).toBeNull();
    const outbox = [pending("room-1"), pending("thread-1", root.id)];
    expect(buildListItems(cache, outbox, ALICE).map((i) => i.body)).toEqual(["root", "room", "in room"]);
    expect(buildListItems(cache, outbox, ALICE, { delivered: 0 }, root.id).map((i) => i.body)).toEqual([
      "reply 2",
      "reply 4",
      "in thread",
    ]);
  });

  it("messages: replies arriving live count on their root's summary once, whatever the order of copies", () => {
    let cache = mergeMessages([], [root]);
    cache = mergeMessages(cache, [reply(2)]);
    cache = mergeMessages(cache, [reply(2)]); // a replay
    cache = mergeMessages(cache, [reply(3, BOB)]);
    expect(cache[0]?.thread).toMatchObject({ replyCount: 2, lastReplySeq: 3 });
    expect(cache[0]?.thread?.repliers.map((u) => u.displayName)).toEqual(["Bob", "Alice"]);
    // A page fetched before the second reply: its root copy must not take the count back.
    const stale = {
      ...root,
      thread: { replyCount: 1, lastReplySeq: 2, lastReplyAt: "x", repliers: [ALICE] },
    };
    cache = mergeMessages(cache, [stale, reply(2)]);
    expect(cache[0]?.thread?.replyCount).toBe(2);
    // A fresher copy from the server (a reply we never received) wins.
    const fresh = { ...root, thread: { replyCount: 5, lastReplySeq: 9, lastReplyAt: "y", repliers: [BOB] } };
    cache = mergeMessages(cache, [fresh]);
    expect(cache[0]?.thread?.replyCount).toBe(5);
    // …and a reply it already counts is not counted again.
    cache = mergeMessages(cache, [reply(9, BOB)]);
    expect(cache[0]?.thread?.replyCount).toBe(5);
  });
});
