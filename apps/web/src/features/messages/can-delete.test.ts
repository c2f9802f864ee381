import type { Room } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { canDeleteMessage, canEditMessage, canSeeHistory } from "./can-delete";
import { ALICE, BOB, fakeDeletion, fakeMessage } from "./test-messages";

const channel = (myRole: Room["myRole"], archived = false) => ({
  kind: "channel" as const,
  archived,
  myRole,
});

describe("messages: canDeleteMessage", () => {
  const mine = fakeMessage(1, { author: ALICE });
  const theirs = fakeMessage(2, { author: BOB });

  it("lets an author delete their own message, not someone else's", () => {
    expect(canDeleteMessage(channel("member"), ALICE.id, mine)).toBe(true);
    expect(canDeleteMessage(channel("member"), ALICE.id, theirs)).toBe(false);
  });

  it("lets moderators and above of a channel delete anyone's message", () => {
    for (const role of ["moderator", "admin", "owner"] as const) {
      expect(canDeleteMessage(channel(role), ALICE.id, theirs), role).toBe(true);
    }
  });

  it("in an archived room only moderators may delete", () => {
    expect(canDeleteMessage(channel("member", true), ALICE.id, mine)).toBe(false);
    expect(canDeleteMessage(channel("moderator", true), ALICE.id, theirs)).toBe(true);
  });

  it("in a direct conversation nobody deletes the other person's messages", () => {
    const dm = { kind: "dm" as const, archived: false, myRole: "member" as const };
    expect(canDeleteMessage(dm, ALICE.id, mine)).toBe(true);
    expect(canDeleteMessage(dm, ALICE.id, theirs)).toBe(false);
  });

  it("offers nothing on deleted messages, on log events, or to non-members", () => {
    expect(canDeleteMessage(channel("owner"), ALICE.id, { ...theirs, deleted: "author", body: "" })).toBe(
      false,
    );
    expect(canDeleteMessage(channel("owner"), ALICE.id, fakeDeletion(3, theirs))).toBe(false);
    expect(canDeleteMessage(channel(null), ALICE.id, mine)).toBe(false);
  });
});

describe("canEditMessage / canSeeHistory", () => {
  const room = { kind: "channel" as const, archived: false, myRole: "member" as const };
  const mine = fakeMessage(1, { author: ALICE });

  it("offers Edit on my own message only, and not while muted or archived", () => {
    expect(canEditMessage(room, { id: ALICE.id, muted: false }, mine)).toBe(true);
    expect(canEditMessage(room, { id: BOB.id, muted: false }, mine)).toBe(false);
    expect(canEditMessage(room, { id: ALICE.id, muted: true }, mine)).toBe(false);
    expect(canEditMessage({ ...room, archived: true }, { id: ALICE.id, muted: false }, mine)).toBe(false);
    expect(canEditMessage(room, { id: ALICE.id, muted: false }, { ...mine, deleted: "author" })).toBe(false);
  });

  it("offers the edit history of an edited message to a channel's moderators", () => {
    const edited = { ...mine, editedAt: "2026-01-01T12:05:00.000Z" };
    expect(canSeeHistory({ kind: "channel", myRole: "moderator" }, edited)).toBe(true);
    expect(canSeeHistory({ kind: "channel", myRole: "member" }, edited)).toBe(false);
    expect(canSeeHistory({ kind: "channel", myRole: "moderator" }, mine)).toBe(false);
  });
});
