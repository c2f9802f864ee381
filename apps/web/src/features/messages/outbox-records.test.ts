import { describe, expect, it } from "vitest";
import {
  EMPTY_OUTBOX,
  enqueue,
  fail,
  markSending,
  type OutboxEntry,
  type OutboxState,
  settle,
} from "./outbox";
import {
  applyChanges,
  diffOutbox,
  fromRecord,
  mergeRestored,
  type OutboxChange,
  parseChanges,
  restoreOutbox,
  toRecord,
} from "./outbox-records";

const ME = "user-me";
const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, second)).toISOString();
const entry = (clientId: string, second: number, change: Partial<OutboxEntry> = {}): OutboxEntry => ({
  clientId,
  roomId: "room-a",
  body: `body of ${clientId}`,
  createdAt: at(second),
  status: "queued",
  error: null,
  ...change,
});
const ids = (state: readonly { clientId: string }[]) => state.map((e) => e.clientId);
const NONE: ReadonlySet<string> = new Set();

describe("messages: outbox records (storage and other tabs)", () => {
  it("stores an entry without its in-flight state, and reads it back", () => {
    const sending = entry("a1", 1, { status: "sending" });
    const record = toRecord(sending, ME);
    expect(record).toEqual({ ...sending, userId: ME, status: "queued" });
    expect(fromRecord(JSON.parse(JSON.stringify(record)), ME)).toEqual({ ...sending, status: "queued" });
  });

  it("keeps a reply's quote through storage, and drops a record whose quote is malformed", () => {
    const replyTo = {
      id: "00000000-0000-4000-8000-000000000111",
      seq: 3,
      author: { id: "00000000-0000-4000-8000-00000000000a", displayName: "Ana" },
      excerpt: "Ship on Friday?",
      deleted: false,
    };
    const record = toRecord(entry("c-1", 1, { replyTo }), ME);
    expect(fromRecord(record, ME)?.replyTo).toEqual(replyTo);
    expect(fromRecord({ ...record, replyTo: { id: "x" } }, ME)).toBeNull();
  });

  it("restores a 'sending' record as queued and a failed one with its reason", () => {
    expect(fromRecord({ ...toRecord(entry("a1", 1), ME), status: "sending" }, ME)?.status).toBe("queued");
    const failed = fromRecord(toRecord(entry("a2", 2, { status: "failed", error: "Join the room" }), ME), ME);
    expect(failed).toMatchObject({ status: "failed", error: "Join the room" });
  });

  it("restores only this user's well-formed records, oldest first", () => {
    const records: unknown[] = [
      toRecord(entry("late", 9), ME),
      toRecord(entry("someone-else", 1), "user-other"),
      { ...toRecord(entry("bad-status", 2), ME), status: "sent" },
      { clientId: "no-body", userId: ME, roomId: "room-a", createdAt: at(3), status: "queued" },
      null,
      "junk",
      toRecord(entry("early", 1), ME),
    ];
    expect(ids(restoreOutbox(records, ME))).toEqual(["early", "late"]);
  });

  it("turns local transitions into changes; a send going in flight is not one", () => {
    const one = enqueue(EMPTY_OUTBOX, { clientId: "a1", roomId: "room-a", body: "hi", createdAt: at(1) });
    expect(diffOutbox(EMPTY_OUTBOX, one, ME)).toEqual([
      { kind: "add", record: toRecord(one[0] as OutboxEntry, ME) },
    ]);
    const sending = markSending(one, "a1");
    expect(diffOutbox(one, sending, ME)).toEqual([]);
    const failed = fail(sending, "a1", "nope");
    expect(diffOutbox(sending, failed, ME)).toEqual([
      { kind: "update", clientId: "a1", status: "failed", error: "nope" },
    ]);
    expect(diffOutbox(failed, settle(failed, "a1"), ME)).toEqual([{ kind: "remove", clientId: "a1" }]);
  });

  it("applies another tab's add in time order, and never revives a removed entry", () => {
    const state: OutboxState = [entry("a1", 1), entry("a3", 3)];
    const add = (e: OutboxEntry): OutboxChange => ({ kind: "add", record: toRecord(e, ME) });
    expect(ids(applyChanges(state, [add(entry("a2", 2))], NONE, ME))).toEqual(["a1", "a2", "a3"]);
    expect(applyChanges(state, [add(entry("a2", 2))], new Set(["a2"]), ME)).toBe(state);
    expect(applyChanges(state, [add(entry("a1", 1))], NONE, ME)).toBe(state);
  });

  it("applies another tab's failure and retry, without interrupting a send in flight here", () => {
    const state: OutboxState = [entry("a1", 1, { status: "sending" })];
    const failed = applyChanges(
      state,
      [{ kind: "update", clientId: "a1", status: "failed", error: "no" }],
      NONE,
      ME,
    );
    expect(failed[0]).toMatchObject({ status: "failed", error: "no" });
    const retried = applyChanges(
      failed,
      [{ kind: "update", clientId: "a1", status: "queued", error: null }],
      NONE,
      ME,
    );
    expect(retried[0]).toMatchObject({ status: "queued", error: null });
    // "queued" elsewhere says nothing about this tab's own send: it stays in flight.
    expect(
      applyChanges(state, [{ kind: "update", clientId: "a1", status: "queued", error: null }], NONE, ME),
    ).toBe(state);
    expect(applyChanges(state, [{ kind: "remove", clientId: "a1" }], NONE, ME)).toEqual([]);
  });

  it("merges restored entries into what this tab already has, skipping removed ones", () => {
    const state: OutboxState = [entry("typed-now", 5, { status: "sending" })];
    const merged = mergeRestored(
      state,
      [entry("old", 1), entry("gone", 2), entry("typed-now", 5)],
      new Set(["gone"]),
    );
    expect(merged.map((e) => [e.clientId, e.status])).toEqual([
      ["old", "queued"],
      ["typed-now", "sending"],
    ]);
  });

  it("drops malformed changes from another app version", () => {
    const good: OutboxChange = { kind: "remove", clientId: "a1" };
    expect(
      parseChanges([good, { kind: "rename" }, { kind: "update", clientId: "a2", status: "sending" }, 7]),
    ).toEqual([good]);
    expect(parseChanges({ not: "a list" })).toEqual([]);
  });
});
