import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ALICE, BOB, fakeMessage } from "../messages/test-messages";
import { ReceiptScheduler, receiptDue } from "./receipts";

describe("realtime: which receipt is due", () => {
  const mine = (seq: number) => fakeMessage(seq, { author: ALICE });
  const theirs = (seq: number) => fakeMessage(seq, { author: BOB });

  it("reports the newest seq held when someone else's message is above the last receipt", () => {
    expect(receiptDue([theirs(1), theirs(2), mine(3)], 0, ALICE.id)).toBe(3);
    expect(receiptDue([theirs(1), theirs(2), mine(3)], 1, ALICE.id)).toBe(3);
  });

  it("reports nothing for my own messages alone, or when nothing is new", () => {
    expect(receiptDue([theirs(1), mine(2), mine(3)], 1, ALICE.id)).toBeNull();
    expect(receiptDue([theirs(1), theirs(2)], 2, ALICE.id)).toBeNull();
    expect(receiptDue([], 0, ALICE.id)).toBeNull();
  });
});

describe("realtime: ReceiptScheduler", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(connected = { value: true }) {
    const sent: [string, number][] = [];
    const receipts = new ReceiptScheduler((roomId, seq) => {
      if (connected.value) sent.push([roomId, seq]);
      return connected.value;
    }, 750);
    return { receipts, sent, connected };
  }

  it("sends at most one receipt per room per interval, with the newest seq offered", () => {
    const { receipts, sent } = setup();
    receipts.offer("r1", 1);
    receipts.offer("r1", 2);
    receipts.offer("r2", 7);
    vi.advanceTimersByTime(749);
    expect(sent).toEqual([]);
    receipts.offer("r1", 3);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([
      ["r1", 3],
      ["r2", 7],
    ]);
    receipts.offer("r1", 4);
    vi.advanceTimersByTime(749);
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sent.at(-1)).toEqual(["r1", 4]);
  });

  it("only ever sends an increase", () => {
    const { receipts, sent } = setup();
    receipts.offer("r1", 5);
    vi.advanceTimersByTime(750);
    receipts.offer("r1", 5);
    receipts.offer("r1", 3);
    vi.advanceTimersByTime(2000);
    expect(sent).toEqual([["r1", 5]]);
    expect(receipts.reported("r1")).toBe(5);
  });

  it("keeps a receipt the socket could not take, and sends it on flush", () => {
    const { receipts, sent, connected } = setup({ value: false });
    receipts.offer("r1", 4);
    vi.advanceTimersByTime(750);
    expect(sent).toEqual([]);
    expect(receipts.reported("r1")).toBe(4);
    connected.value = true;
    receipts.flush();
    receipts.flush();
    expect(sent).toEqual([["r1", 4]]);
  });

  it("forgets a room the user left", () => {
    const { receipts, sent } = setup();
    receipts.offer("r1", 4);
    receipts.forget("r1");
    vi.advanceTimersByTime(750);
    expect(sent).toEqual([]);
    expect(receipts.reported("r1")).toBe(0);
  });
});
