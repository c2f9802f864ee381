import { describe, expect, it } from "vitest";
import { type NotifyCandidate, type NotifyContext, shouldNotify } from "./should-notify";

const ME = "me";

function message(overrides: Partial<NotifyCandidate> = {}): NotifyCandidate {
  return {
    source: "message",
    messageId: "m1",
    roomId: "r1",
    seq: 10,
    authorId: "ben",
    isMessage: true,
    deleted: false,
    read: false,
    mentionsMe: false,
    ...overrides,
  };
}

const inboxEntry = (overrides: Partial<NotifyCandidate> = {}) => message({ source: "inbox", ...overrides });

function context(overrides: Partial<NotifyContext> = {}): NotifyContext {
  return {
    myId: ME,
    enabled: true,
    hidden: true,
    level: "all",
    readSeq: 0,
    alreadyShown: false,
    ...overrides,
  };
}

describe("should notify", () => {
  it("should notify: a new message in a room set to all, while the tab is hidden", () => {
    expect(shouldNotify(message(), context())).toEqual({ notify: true });
  });

  it("should notify: an inbox entry (mention, @room, DM) in a room set to mentions", () => {
    expect(shouldNotify(inboxEntry(), context({ level: "mentions" }))).toEqual({ notify: true });
    // Level unknown (room not cached): the server already decided it was worth an entry.
    expect(shouldNotify(inboxEntry(), context({ level: null }))).toEqual({ notify: true });
  });

  it("should notify: never while notifications are off or the tab is visible", () => {
    expect(shouldNotify(message(), context({ enabled: false }))).toEqual({
      notify: false,
      reason: "disabled",
    });
    expect(shouldNotify(inboxEntry(), context({ hidden: false }))).toEqual({
      notify: false,
      reason: "visible",
    });
  });

  it("should notify: a plain message in a room set to mentions waits for an inbox entry", () => {
    expect(shouldNotify(message(), context({ level: "mentions" }))).toEqual({
      notify: false,
      reason: "level",
    });
    expect(shouldNotify(message(), context({ level: null }))).toEqual({ notify: false, reason: "level" });
  });

  it("should notify: a muted room stays silent, except for a mention by name", () => {
    expect(shouldNotify(message(), context({ level: "mute" }))).toEqual({ notify: false, reason: "muted" });
    // @room reaches the inbox only if the room was muted after it was written: still silent.
    expect(shouldNotify(inboxEntry(), context({ level: "mute" }))).toEqual({
      notify: false,
      reason: "muted",
    });
    expect(shouldNotify(inboxEntry({ mentionsMe: true }), context({ level: "mute" }))).toEqual({
      notify: true,
    });
    expect(shouldNotify(message({ mentionsMe: true }), context({ level: "mute" }))).toEqual({ notify: true });
  });

  it("should notify: a mention by name in a room set to mentions notifies from the message itself", () => {
    expect(shouldNotify(message({ mentionsMe: true }), context({ level: "mentions" }))).toEqual({
      notify: true,
    });
  });

  it("should notify: never for a message already read on another device", () => {
    expect(shouldNotify(message({ seq: 10 }), context({ readSeq: 10 }))).toEqual({
      notify: false,
      reason: "read",
    });
    expect(shouldNotify(message({ seq: 10 }), context({ readSeq: 12 }))).toEqual({
      notify: false,
      reason: "read",
    });
    expect(shouldNotify(message({ seq: 10 }), context({ readSeq: 9 }))).toEqual({ notify: true });
    expect(shouldNotify(inboxEntry({ read: true }), context())).toEqual({ notify: false, reason: "read" });
  });

  it("should notify: never twice for one message", () => {
    expect(shouldNotify(inboxEntry(), context({ alreadyShown: true }))).toEqual({
      notify: false,
      reason: "duplicate",
    });
  });

  it("should notify: never for my own message, a deletion, or a deleted message", () => {
    expect(shouldNotify(message({ authorId: ME }), context())).toEqual({ notify: false, reason: "own" });
    expect(shouldNotify(message({ isMessage: false }), context())).toEqual({
      notify: false,
      reason: "not-a-message",
    });
    expect(shouldNotify(inboxEntry({ deleted: true }), context())).toEqual({
      notify: false,
      reason: "not-a-message",
    });
  });
});
