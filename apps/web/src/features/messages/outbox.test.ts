import { describe, expect, it } from "vitest";
import {
  dropRoom,
  EMPTY_OUTBOX,
  enqueue,
  fail,
  failRoom,
  markSending,
  nextToSend,
  type OutboxState,
  remove,
  requeueInFlight,
  retry,
  settle,
} from "./outbox";

const T = "2026-01-01T12:00:00.000Z";
const add = (state: OutboxState, clientId: string, roomId = "room-a") =>
  enqueue(state, { clientId, roomId, body: `body of ${clientId}`, createdAt: T });
const ids = (entries: readonly { clientId: string }[]) => entries.map((e) => e.clientId);

describe("messages: outbox ordering", () => {
  it("sends one message per room at a time, oldest first", () => {
    let state = add(add(add(EMPTY_OUTBOX, "a1"), "a2"), "b1", "room-b");
    expect(ids(nextToSend(state))).toEqual(["a1", "b1"]);
    state = markSending(markSending(state, "a1"), "b1");
    expect(nextToSend(state)).toEqual([]);
    state = settle(state, "a1");
    expect(ids(nextToSend(state))).toEqual(["a2"]);
  });

  it("does not let a failed send block the ones behind it", () => {
    let state = add(add(EMPTY_OUTBOX, "a1"), "a2");
    state = fail(markSending(state, "a1"), "a1", "Messages can be at most 4000 characters");
    expect(ids(nextToSend(state))).toEqual(["a2"]);
    expect(state[0]).toMatchObject({ status: "failed", error: "Messages can be at most 4000 characters" });
  });

  it("retries a failed send with its original clientId", () => {
    let state = fail(markSending(add(EMPTY_OUTBOX, "a1"), "a1"), "a1", "nope");
    state = retry(state, "a1");
    expect(state[0]).toMatchObject({ clientId: "a1", status: "queued", error: null });
    expect(ids(nextToSend(state))).toEqual(["a1"]);
  });

  it("deletes a failed send", () => {
    const state = fail(markSending(add(EMPTY_OUTBOX, "a1"), "a1"), "a1", "nope");
    expect(remove(state, "a1")).toEqual([]);
  });

  it("requeues in-flight sends after a disconnect, keeping their order", () => {
    let state = add(add(EMPTY_OUTBOX, "a1"), "a2");
    state = requeueInFlight(markSending(state, "a1"));
    expect(state.map((e) => e.status)).toEqual(["queued", "queued"]);
    expect(ids(nextToSend(state))).toEqual(["a1"]);
  });

  it("ignores acks for unknown clientIds without copying the state", () => {
    const state = add(EMPTY_OUTBOX, "a1");
    expect(settle(state, "zzz")).toBe(state);
    expect(markSending(state, "zzz")).toBe(state);
  });

  it("drops a room's entries when the user leaves it", () => {
    const state = add(add(EMPTY_OUTBOX, "a1"), "b1", "room-b");
    expect(ids(dropRoom(state, "room-a"))).toEqual(["b1"]);
  });

  it("fails a room's unsent entries with the reason when the user is removed from it", () => {
    const state = add(add(EMPTY_OUTBOX, "a1"), "b1", "room-b");
    const next = failRoom(state, "room-a", "You were banned from #a");
    expect(next.map((e) => [e.clientId, e.status, e.error])).toEqual([
      ["a1", "failed", "You were banned from #a"],
      ["b1", "queued", null],
    ]);
    expect(failRoom(next, "room-a", "again")).toBe(next);
  });
});
