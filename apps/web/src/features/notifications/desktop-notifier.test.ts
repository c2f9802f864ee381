import type { Message, NotifyLevel, Room, ServerFrame } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { type DesktopMessage, DesktopNotifier, mentionsByName } from "./desktop-notifier";
import { ANA, entry, ROOM } from "./test-notifications";

const ME = { id: "00000000-0000-4000-8000-00000000000b", displayName: "Ben" };

function liveMessage(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `message-${seq}`,
    roomId: ROOM,
    seq,
    clientId: `client-${seq}`,
    author: ANA,
    body: `hello ${seq}`,
    createdAt: "2026-01-10T12:00:00.000Z",
    kind: "message",
    targetId: null,
    deleted: null,
    ...overrides,
  };
}

function setup(level: NotifyLevel = "all") {
  const shown: DesktopMessage[] = [];
  const closed: string[] = [];
  const state = { hidden: true, enabled: true, level };
  const room: Pick<Room, "id" | "kind" | "name" | "people" | "myNotify"> = {
    id: ROOM,
    kind: "channel",
    name: "general",
    people: [],
    myNotify: level,
  };
  const notifier = new DesktopNotifier({
    myId: ME.id,
    myName: () => ME.displayName,
    isEnabled: () => state.enabled,
    isHidden: () => state.hidden,
    roomOf: (roomId) => (roomId === ROOM ? { ...room, myNotify: state.level } : null),
    show: (message) => {
      shown.push(message);
      return { close: () => closed.push(message.href) };
    },
  });
  const frame = (f: ServerFrame) => notifier.handle(f);
  return { shown, closed, state, frame };
}

const message = (m: Message): ServerFrame => ({ type: "message.new", message: m });
const read = (readSeq: number): ServerFrame => ({
  type: "read.updated",
  read: { roomId: ROOM, readSeq, lastSeq: readSeq, unreadCount: 0, mentionCount: 0 },
});

describe("desktop notifier", () => {
  it("desktop notifier: a live message in a room set to all, titled with its author and room", () => {
    const { shown, frame } = setup("all");
    frame(message(liveMessage(3, { body: "hi  all\nof you" })));
    expect(shown).toEqual([
      {
        title: "Ana in #general",
        body: "hi all of you",
        tag: `parley-room-${ROOM}`,
        href: `/rooms/${ROOM}?seq=3`,
      },
    ]);
  });

  it("desktop notifier: a reply in a thread is not a room message, even in a room set to all", () => {
    const { shown, frame } = setup("all");
    frame(
      message(
        liveMessage(3, { body: "in the thread", threadRootId: "00000000-0000-4000-8000-0000000000aa" }),
      ),
    );
    expect(shown).toEqual([]);
  });

  it("desktop notifier: a live mention of me is worded as its inbox entry will be", () => {
    const { shown, frame } = setup("mentions");
    frame(message(liveMessage(3, { body: "hi @**Ben**" })));
    expect(shown.map((s) => [s.title, s.body])).toEqual([["Ana mentioned you in #general", "hi @Ben"]]);
  });

  it("desktop notifier: one notification per message, whichever frame comes first", () => {
    const { shown, frame } = setup("all");
    frame(message(liveMessage(4, { id: "message-x" })));
    frame({ type: "notification.new", notification: entry("n1", 4, { messageId: "message-x" }) });
    expect(shown).toHaveLength(1);
    // The other way round too.
    frame({ type: "notification.new", notification: entry("n2", 5, { messageId: "message-y" }) });
    frame(message(liveMessage(5, { id: "message-y" })));
    expect(shown.map((s) => s.title)).toEqual(["Ana in #general", "Ana mentioned you in #general"]);
  });

  it("desktop notifier: skips what another device read, and closes what it read later", () => {
    const { shown, closed, frame } = setup("all");
    frame(read(6));
    frame(message(liveMessage(6)));
    expect(shown).toEqual([]);
    frame(message(liveMessage(7)));
    frame(message(liveMessage(8)));
    expect(shown).toHaveLength(2);
    frame(read(7));
    expect(closed).toEqual([]);
    frame(read(8));
    expect(closed).toEqual([`/rooms/${ROOM}?seq=8`]);
    // A read pointer never moves back.
    frame(read(2));
    frame(message(liveMessage(8, { id: "again" })));
    expect(shown).toHaveLength(2);
  });

  it("desktop notifier: a muted room only notifies of a mention by name (any case)", () => {
    const { shown, frame } = setup("mute");
    frame(message(liveMessage(1, { body: "@room lunch" })));
    frame({ type: "notification.new", notification: entry("n1", 2, { kind: "room" }) });
    expect(shown).toEqual([]);
    frame(message(liveMessage(3, { body: "@**ben** look" })));
    expect(shown.map((s) => s.body)).toEqual(["@ben look"]);
  });

  it("desktop notifier: nothing while visible or turned off; the level is read when the frame comes", () => {
    const { shown, state, frame } = setup("all");
    state.hidden = false;
    frame(message(liveMessage(1)));
    state.hidden = true;
    state.enabled = false;
    frame(message(liveMessage(2)));
    state.enabled = true;
    state.level = "mentions";
    frame(message(liveMessage(3)));
    expect(shown).toEqual([]);
    state.level = "all";
    frame(message(liveMessage(4)));
    expect(shown).toHaveLength(1);
  });

  it("desktop notifier: never for my own messages or deletions", () => {
    const { shown, frame } = setup("all");
    frame(message(liveMessage(1, { author: ME })));
    frame(message(liveMessage(2, { kind: "deletion", targetId: "message-1", body: "" })));
    expect(shown).toEqual([]);
  });

  it("desktop notifier: mentions are matched by whole name", () => {
    expect(mentionsByName("hi @**Ben**", "ben")).toBe(true);
    expect(mentionsByName("hi @**Benjamin**", "Ben")).toBe(false);
    expect(mentionsByName("hi Ben", "Ben")).toBe(false);
  });
});
