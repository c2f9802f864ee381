import type { ThreadResponse, ThreadsResponse } from "@parley/protocol";
import type { InfiniteData } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { ALICE, BOB, fakeEdit, fakeMessage, fakeReaction, ROOM_ID } from "../messages/test-messages";
import { readInList, threadMessages } from "./thread-queries";

const root = fakeMessage(1, { author: BOB, body: "root" });
const reply = (seq: number, author = ALICE) =>
  fakeMessage(seq, { author, threadRootId: root.id, body: `reply ${seq}` });
const state = { roomId: ROOM_ID, rootId: root.id, following: true, readSeq: 0, unreadCount: 0 };
const page = (replies: ReturnType<typeof reply>[], hasMore = false): ThreadResponse => ({
  root: { ...root, thread: { replyCount: 2, lastReplySeq: 5, lastReplyAt: "t", repliers: [ALICE] } },
  replies,
  hasMore,
  state,
});
const pages = (...list: ThreadResponse[]): InfiniteData<ThreadResponse> => ({
  pages: list,
  pageParams: list.map((_, i) => i),
});

describe("threads: a thread's messages", () => {
  it("threads: fetched pages and the room's newer entries make one thread, each reply once", () => {
    // The room's cache holds the newest part of the log: a reply fetched already, a newer one,
    // a timeline message, an edit of an older reply and a reaction on the root.
    const older = reply(3);
    const roomEntries = [
      reply(5),
      fakeMessage(6, { body: "timeline" }),
      reply(7, BOB),
      fakeEdit(8, older, "reply 3, fixed"),
      fakeReaction(9, root, "👍"),
    ];
    const { root: shown, replies } = threadMessages(
      pages(page([reply(5)]), page([older])),
      roomEntries,
      root.id,
    );
    expect(replies.map((r) => [r.seq, r.body])).toEqual([
      [3, "reply 3, fixed"],
      [5, "reply 5"],
      [7, "reply 7"],
    ]);
    // The root counts the live reply on top of what its fetched copy counted.
    expect(shown?.thread).toMatchObject({ replyCount: 3, lastReplySeq: 7 });
    expect(shown?.reactions).toEqual([{ emoji: "👍", userIds: [BOB.id] }]);
  });

  it("threads: before the first page arrives, the root and replies the room holds are shown", () => {
    const { root: shown, replies } = threadMessages(undefined, [root, reply(2)], root.id);
    expect(shown?.id).toBe(root.id);
    expect(replies.map((r) => r.seq)).toEqual([2]);
  });

  it("threads: reading a thread clears its unread count and takes one off the badge", () => {
    const list: ThreadsResponse = {
      threads: [
        {
          room: { id: ROOM_ID, kind: "channel", name: "general" },
          root,
          state: { ...state, unreadCount: 2 },
        },
      ],
      unreadThreads: 3,
    };
    const read = readInList(list, { ...state, readSeq: 9, unreadCount: 0 });
    expect(read.threads[0]?.state).toMatchObject({ readSeq: 9, unreadCount: 0 });
    expect(read.unreadThreads).toBe(2);
    expect(readInList(read, { ...state, readSeq: 9, unreadCount: 0 }).unreadThreads).toBe(2);
    expect(readInList(list, { ...state, rootId: ALICE.id })).toBe(list);
  });
});
