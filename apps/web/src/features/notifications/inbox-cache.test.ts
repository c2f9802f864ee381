import { describe, expect, it } from "vitest";
import {
  applyDeletion,
  applyRoomRead,
  hasUnloadedUnread,
  inboxEntries,
  inboxUnreadCount,
  markAllEntriesRead,
  markEntriesRead,
  prependNotification,
  setUnreadCount,
} from "./inbox-cache";
import { entry, inbox, OTHER_ROOM } from "./test-notifications";

describe("inbox cache", () => {
  it("inbox: a live entry goes on top and counts when unread", () => {
    const data = inbox([[entry("b", 2)], [entry("a", 1)]], 2);
    const next = prependNotification(data, entry("c", 3));
    expect(inboxEntries(next).map((n) => n.id)).toEqual(["c", "b", "a"]);
    expect(inboxUnreadCount(next)).toBe(3);
    // Older pages and their cursors are untouched, so the next page is asked for as before.
    expect(next.pages[1]).toBe(data.pages[1]);
    expect(next.pageParams).toBe(data.pageParams);
  });

  it("inbox: an entry already held (the frame raced a fetch) is not added or counted twice", () => {
    const data = inbox([[entry("b", 2)], [entry("a", 1)]], 2);
    expect(prependNotification(data, entry("a", 1))).toBe(data);
    expect(prependNotification(data, entry("b", 2))).toBe(data);
  });

  it("inbox: an entry that arrives already read does not count", () => {
    const next = prependNotification(inbox([[]], 0), entry("a", 1, { read: true }));
    expect(inboxUnreadCount(next)).toBe(0);
    expect(inboxEntries(next)).toHaveLength(1);
  });

  it("inbox: entries are listed once even if two pages hold the same one", () => {
    const data = inbox(
      [
        [entry("b", 2), entry("a", 1)],
        [entry("a", 1), entry("z", 0)],
      ],
      0,
    );
    expect(inboxEntries(data).map((n) => n.id)).toEqual(["b", "a", "z"]);
  });

  it("inbox: reading a room marks its entries up to the read seq, and only those, read", () => {
    const data = inbox(
      [
        [entry("d", 9), entry("c", 5, { room: { ...entry("x", 0).room, id: OTHER_ROOM } }), entry("b", 4)],
        [entry("a", 2)],
      ],
      4,
    );
    const next = applyRoomRead(data, entry("x", 0).room.id, 4);
    const read = Object.fromEntries(inboxEntries(next).map((n) => [n.id, n.read]));
    expect(read).toEqual({ d: false, c: false, b: true, a: true });
    expect(inboxUnreadCount(next)).toBe(2);
  });

  it("inbox: a read state that changes nothing keeps the same cache (no re-render)", () => {
    const data = inbox([[entry("b", 4, { read: true })]], 0);
    expect(applyRoomRead(data, entry("x", 0).room.id, 10)).toBe(data);
    expect(applyRoomRead(data, OTHER_ROOM, 10)).toBe(data);
  });

  it("inbox: the count never goes below zero", () => {
    const data = inbox([[entry("b", 4), entry("a", 3)]], 1);
    expect(inboxUnreadCount(applyRoomRead(data, entry("x", 0).room.id, 9))).toBe(0);
  });

  it("inbox: knows when unread entries lie beyond the loaded pages", () => {
    expect(hasUnloadedUnread(inbox([[entry("b", 4), entry("a", 3)]], 2, true))).toBe(false);
    expect(hasUnloadedUnread(inbox([[entry("b", 4), entry("a", 3)]], 5, true))).toBe(true);
  });

  it("inbox: marking one entry read flips it and takes one off the count", () => {
    const data = inbox([[entry("b", 4), entry("a", 3)]], 2);
    const next = markEntriesRead(data, ["a"]);
    expect(inboxEntries(next).map((n) => n.read)).toEqual([false, true]);
    expect(inboxUnreadCount(next)).toBe(1);
    // Already read: nothing moves.
    expect(markEntriesRead(next, ["a"])).toBe(next);
  });

  it("inbox: mark all as read clears every entry and the count, unloaded ones included", () => {
    const next = markAllEntriesRead(inbox([[entry("b", 4)], [entry("a", 3)]], 7, true));
    expect(inboxEntries(next).every((n) => n.read)).toBe(true);
    expect(inboxUnreadCount(next)).toBe(0);
  });

  it("inbox: the server's count wins", () => {
    const data = inbox([[entry("a", 3)]], 1);
    expect(inboxUnreadCount(setUnreadCount(data, 4))).toBe(4);
    expect(setUnreadCount(data, 1)).toBe(data);
  });

  it("inbox: a deleted message's entry loses its excerpt, as a fresh fetch shows it", () => {
    const data = inbox([[entry("b", 4), entry("a", 3)]], 2);
    const next = applyDeletion(data, "message-a");
    expect(inboxEntries(next)[1]).toMatchObject({ deleted: true, excerpt: "", read: false });
    expect(inboxEntries(next)[0]).toBe(inboxEntries(data)[0]);
    expect(inboxUnreadCount(next)).toBe(2);
    expect(applyDeletion(data, "message-unknown")).toBe(data);
  });
});
