import { describe, expect, it } from "vitest";
import { buildListItems } from "./list-items";
import { mergeMessages } from "./merge-messages";
import type { OutboxEntry } from "./outbox";
import { ALICE, BOB, fakeDeletion, fakeMessage, ROOM_ID } from "./test-messages";

const pending = (clientId: string, body = "typed"): OutboxEntry => ({
  clientId,
  roomId: ROOM_ID,
  body,
  status: "sending",
  createdAt: "2026-01-01T12:10:00.000Z",
  error: null,
});

describe("messages: buildListItems", () => {
  it("lists stored messages, then pending sends", () => {
    const items = buildListItems([fakeMessage(1, { author: BOB })], [pending("c-1")], ALICE);
    expect(items.map((i) => [i.authorName, i.body, i.pending?.status ?? "stored"])).toEqual([
      ["Bob", "message 1", "stored"],
      ["Alice", "typed", "sending"],
    ]);
  });

  it("hides a pending send once its stored copy is in the cache, keeping the same key", () => {
    const before = buildListItems([], [pending("c-1")], ALICE);
    const stored = fakeMessage(1, { clientId: "c-1", author: ALICE, body: "typed" });
    const after = buildListItems([stored], [pending("c-1")], ALICE);
    expect(after).toHaveLength(1);
    expect(after[0]?.message).toBe(stored);
    expect(after[0]?.key).toBe(before[0]?.key);
  });

  it("does not confuse another user's clientId with ours", () => {
    const theirs = fakeMessage(1, { clientId: "c-1", author: BOB });
    expect(buildListItems([theirs], [pending("c-1")], ALICE)).toHaveLength(2);
  });
});

describe("messages: statuses in the list", () => {
  const statuses = (items: ReturnType<typeof buildListItems>) => items.map((i) => [i.body, i.status]);

  it("shows sent, then delivered, on my newest stored message only", () => {
    const messages = [
      fakeMessage(1, { author: ALICE, body: "mine 1" }),
      fakeMessage(2, { author: ALICE, body: "mine 2" }),
      fakeMessage(3, { author: BOB, body: "theirs" }),
    ];
    expect(statuses(buildListItems(messages, [], ALICE, { delivered: 1 }))).toEqual([
      ["mine 1", null],
      ["mine 2", "sent"],
      ["theirs", null],
    ]);
    expect(statuses(buildListItems(messages, [], ALICE, { delivered: 3 }))[1]).toEqual([
      "mine 2",
      "delivered",
    ]);
  });

  it("in a DM, shows Seen under the newest of mine the other person read, and the newest's own status", () => {
    const messages = [
      fakeMessage(1, { author: ALICE, body: "mine 1" }),
      fakeMessage(2, { author: BOB, body: "theirs" }),
      fakeMessage(3, { author: ALICE, body: "mine 3" }),
      fakeMessage(4, { author: ALICE, body: "mine 4" }),
    ];
    expect(statuses(buildListItems(messages, [], ALICE, { delivered: 4, read: 3 }))).toEqual([
      ["mine 1", null],
      ["theirs", null],
      ["mine 3", "read"],
      ["mine 4", "delivered"],
    ]);
    // Read to the end: one Seen, on the newest.
    expect(statuses(buildListItems(messages, [], ALICE, { delivered: 4, read: 4 })).map((s) => s[1])).toEqual(
      [null, null, null, "read"],
    );
    // Read only their own message: nothing of mine is Seen yet... except what came before it.
    expect(statuses(buildListItems(messages, [], ALICE, { delivered: 4, read: 2 }))[0]).toEqual([
      "mine 1",
      "read",
    ]);
  });

  it("shows every unconfirmed send as pending or failed", () => {
    const failed = { ...pending("c-2", "refused"), status: "failed" as const, error: "nope" };
    expect(statuses(buildListItems([], [pending("c-1"), failed], ALICE))).toEqual([
      ["typed", "pending"],
      ["refused", "failed"],
    ]);
  });

  it("keeps a deleted message's place without its body, and shows no row for the deletion itself", () => {
    const doomed = fakeMessage(1, { author: BOB });
    const log = mergeMessages([doomed, fakeMessage(2)], [fakeDeletion(3, doomed, ALICE)]);
    const items = buildListItems(log, [], ALICE);
    expect(items.map((i) => [i.authorName, i.body, i.deleted])).toEqual([
      ["Bob", "", "moderator"],
      ["Alice", "message 2", null],
    ]);
  });

  it("shows my delivery status under my newest message that is not deleted", () => {
    const mine = fakeMessage(1, { author: ALICE });
    const gone = fakeMessage(2, { author: ALICE });
    const log = mergeMessages([mine, gone], [fakeDeletion(3, gone)]);
    const items = buildListItems(log, [], ALICE, { delivered: 2 });
    expect(items.map((i) => i.status)).toEqual(["delivered", null]);
  });
});
