import type { ReadState } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { ALICE, BOB, fakeDeletion, fakeMessage, ROOM_ID } from "../messages/test-messages";
import { applyReadState, countLiveEntry, type ReadStates, readUpTo, unreadTotal } from "./read-states";

const state = (over: Partial<ReadState> = {}): ReadState => ({
  roomId: ROOM_ID,
  readSeq: 3,
  lastSeq: 5,
  unreadCount: 2,
  mentionCount: 1,
  ...over,
});
const states = (over: Partial<ReadState> = {}): ReadStates => ({ [ROOM_ID]: state(over) });

describe("reading: read states", () => {
  it("counts a live message by someone else once, and never my own or an event", () => {
    let s: ReadStates | undefined = states();
    s = countLiveEntry(s, fakeMessage(6, { author: BOB }), ALICE.id);
    expect(s?.[ROOM_ID]).toMatchObject({ unreadCount: 3, lastSeq: 6 });
    // The same entry again (its replay after a reconnect): not counted twice.
    expect(countLiveEntry(s, fakeMessage(6, { author: BOB }), ALICE.id)).toBe(s);
    s = countLiveEntry(s, fakeMessage(7, { author: ALICE }), ALICE.id);
    s = countLiveEntry(s, fakeDeletion(8, fakeMessage(2)), ALICE.id);
    expect(s?.[ROOM_ID]).toMatchObject({ unreadCount: 3, lastSeq: 8 });
  });

  it("reading: a thread reply moves lastSeq but is not room unread", () => {
    const s = countLiveEntry(
      states(),
      fakeMessage(6, { author: BOB, threadRootId: fakeMessage(1).id }),
      ALICE.id,
    );
    expect(s?.[ROOM_ID]).toMatchObject({ unreadCount: 2, lastSeq: 6 });
  });

  it("ignores entries the server had already counted", () => {
    const s = states();
    expect(countLiveEntry(s, fakeMessage(5, { author: BOB }), ALICE.id)).toBe(s);
  });

  it("takes the server's state unless it is older than what we hold", () => {
    const s = states({ readSeq: 6 });
    expect(applyReadState(s, state({ readSeq: 4 }))).toBe(s);
    expect(applyReadState(s, state({ readSeq: 9, unreadCount: 0 }))?.[ROOM_ID]).toMatchObject({
      readSeq: 9,
      unreadCount: 0,
    });
  });

  it("reading to the newest entry clears the counts at once; part of the way waits for the server", () => {
    expect(readUpTo(states(), ROOM_ID, 5)?.[ROOM_ID]).toMatchObject({
      readSeq: 5,
      unreadCount: 0,
      mentionCount: 0,
    });
    expect(readUpTo(states(), ROOM_ID, 4)?.[ROOM_ID]).toMatchObject({ readSeq: 4, unreadCount: 2 });
    const s = states();
    expect(readUpTo(s, ROOM_ID, 2)).toBe(s);
  });

  it("totals the unread messages of every room", () => {
    expect(unreadTotal({ ...states(), other: state({ roomId: "other", unreadCount: 4 }) })).toBe(6);
    expect(unreadTotal(undefined)).toBe(0);
  });
});
