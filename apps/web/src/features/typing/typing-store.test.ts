import type { Message, PublicUser, ServerFrame } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import type { FrameChannel } from "../presence/frame-channel";
import { type TypingClock, TypingStore } from "./typing-store";

const ROOM = "11111111-1111-4111-8111-111111111111";
const OTHER_ROOM = "22222222-2222-4222-8222-222222222222";
const ana: PublicUser = { id: "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", displayName: "Ana" };
const ben: PublicUser = { id: "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb", displayName: "Ben" };

/** A channel the test pushes frames into, and a clock with timers the test runs. */
function setUp() {
  const listeners = new Set<(frame: ServerFrame) => void>();
  const channel: FrameChannel = {
    subscribeFrames: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sendFrame: () => true,
    subscribeStatus: () => () => undefined,
    getStatus: () => "open",
  };
  let now = 0;
  let timers: { at: number; run: () => void }[] = [];
  const clock: TypingClock = {
    now: () => now,
    setTimeout: (run, ms) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (timer) => {
      timers = timers.filter((t) => t !== timer);
    },
  };
  const store = new TypingStore(channel, clock);
  let notified = 0;
  store.subscribe(() => notified++);
  return {
    store,
    push: (frame: ServerFrame) => {
      for (const l of listeners) l(frame);
    },
    advance: (ms: number) => {
      now += ms;
      for (const t of timers.filter((t) => t.at <= now)) {
        timers = timers.filter((x) => x !== t);
        t.run();
      }
    },
    notified: () => notified,
  };
}

const typing = (user: PublicUser, roomId = ROOM): ServerFrame => ({ type: "typing", roomId, user });
const names = (users: readonly PublicUser[]) => users.map((u) => u.displayName);

describe("typing: the store of who is typing", () => {
  it("typing: lists typists per room in the order they started", () => {
    const { store, push } = setUp();
    push(typing(ana));
    push(typing(ben));
    push(typing(ben, OTHER_ROOM));
    expect(names(store.typists(ROOM))).toEqual(["Ana", "Ben"]);
    expect(names(store.typists(OTHER_ROOM))).toEqual(["Ben"]);
  });

  it("typing: a typist expires 6 s after their last frame; a fresh frame keeps them", () => {
    const { store, push, advance } = setUp();
    push(typing(ana));
    advance(2_500);
    push(typing(ana));
    advance(1_000);
    push(typing(ben));
    advance(4_000);
    expect(names(store.typists(ROOM))).toEqual(["Ana", "Ben"]);
    advance(1_000);
    expect(names(store.typists(ROOM))).toEqual(["Ben"]);
    advance(1_000);
    expect(store.typists(ROOM)).toEqual([]);
  });

  it("typing: a typist's message arriving removes them at once", () => {
    const { store, push } = setUp();
    push(typing(ana));
    push(typing(ben));
    const message = { roomId: ROOM, author: ana } as Message;
    push({ type: "message.new", message });
    expect(names(store.typists(ROOM))).toEqual(["Ben"]);
  });

  it("typing: the snapshot keeps its identity while nothing changes (no re-render per frame)", () => {
    const { store, push, notified } = setUp();
    push(typing(ana));
    const first = store.typists(ROOM);
    const before = notified();
    push(typing(ana));
    expect(store.typists(ROOM)).toBe(first);
    expect(notified()).toBe(before);
  });
});
