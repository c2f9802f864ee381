import { describe, expect, it } from "vitest";
import { buildListItems } from "./list-items";
import { ALICE, BOB, fakeMessage } from "./test-messages";
import { firstUnreadKey, rowKeyAtSeq } from "./unread-divider";

const items = buildListItems(
  [
    fakeMessage(1, { author: BOB }),
    fakeMessage(2, { author: BOB }),
    fakeMessage(3, { author: ALICE }),
    fakeMessage(5, { author: BOB }),
  ],
  [],
  ALICE,
);

describe("messages: the unread divider", () => {
  it("goes above the first message by someone else after the pointer", () => {
    expect(firstUnreadKey(items, 1, ALICE.id)).toBe(items[1]?.key);
    // My own message after the pointer is not "new" to me.
    expect(firstUnreadKey(items, 2, ALICE.id)).toBe(items[3]?.key);
  });

  it("is absent when nothing is unread or the pointer is unknown", () => {
    expect(firstUnreadKey(items, 5, ALICE.id)).toBeNull();
    expect(firstUnreadKey(items, null, ALICE.id)).toBeNull();
  });

  it("finds the row of a seq, or the next message when the seq was an event", () => {
    expect(rowKeyAtSeq(items, 2)).toBe(items[1]?.key);
    expect(rowKeyAtSeq(items, 4)).toBe(items[3]?.key);
    expect(rowKeyAtSeq(items, 9)).toBeNull();
  });
});
