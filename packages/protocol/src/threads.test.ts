import { describe, expect, it } from "vitest";
import { SendFrame } from "./frames";
import { SendMessageRequest } from "./messages";
import { addReplyToSummary, isThreadReply, ThreadQuery } from "./threads";

const ana = { id: "00000000-0000-4000-8000-00000000000a", displayName: "Ana" };
const ben = { id: "00000000-0000-4000-8000-00000000000b", displayName: "Ben" };
const cy = { id: "00000000-0000-4000-8000-00000000000c", displayName: "Cy" };
const dee = { id: "00000000-0000-4000-8000-00000000000d", displayName: "Dee" };
const reply = (seq: number, author: typeof ana) => ({ seq, author, createdAt: `2026-11-25T10:00:${seq}0Z` });

describe("protocol: threads", () => {
  it("protocol: a send and a send frame may name a thread root (an id)", () => {
    const root = "00000000-0000-4000-8000-000000000001";
    expect(
      SendMessageRequest.parse({ clientId: "client-1", body: "hi", threadRootId: root }).threadRootId,
    ).toBe(root);
    expect(
      SendMessageRequest.safeParse({ clientId: "client-1", body: "hi", threadRootId: "nope" }).success,
    ).toBe(false);
    const frame = {
      type: "message.send",
      roomId: root,
      clientId: "client-1",
      body: "hi",
      threadRootId: root,
    };
    expect(SendFrame.parse(frame).threadRootId).toBe(root);
  });

  it("protocol: a reply counts once, newest replier first, three faces at most", () => {
    let summary = addReplyToSummary(null, reply(5, ana));
    expect(summary).toEqual({
      replyCount: 1,
      lastReplySeq: 5,
      lastReplyAt: reply(5, ana).createdAt,
      repliers: [ana],
    });
    // A replay (or a reply already in a fresher copy) changes nothing.
    expect(addReplyToSummary(summary, reply(5, ana))).toBe(summary);
    summary = addReplyToSummary(summary, reply(6, ben));
    summary = addReplyToSummary(summary, reply(7, ana));
    expect(summary.repliers.map((u) => u.displayName)).toEqual(["Ana", "Ben"]);
    summary = addReplyToSummary(summary, reply(8, cy));
    summary = addReplyToSummary(summary, reply(9, dee));
    expect(summary.replyCount).toBe(5);
    expect(summary.lastReplySeq).toBe(9);
    expect(summary.repliers.map((u) => u.displayName)).toEqual(["Dee", "Cy", "Ana"]);
  });

  it("protocol: thread replies are told apart; pages coerce before", () => {
    expect(isThreadReply({ threadRootId: ana.id })).toBe(true);
    expect(isThreadReply({ threadRootId: null })).toBe(false);
    expect(isThreadReply({})).toBe(false);
    expect(ThreadQuery.parse({ before: "12" })).toEqual({ before: 12 });
    expect(ThreadQuery.safeParse({ before: "0" }).success).toBe(false);
  });
});
