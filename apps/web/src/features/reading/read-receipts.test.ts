import { describe, expect, it } from "vitest";
import { applyReceipt, placeReaders } from "./read-receipts";

const rows = [
  { key: "m1", authorId: "ana", message: { seq: 1 } },
  { key: "m3", authorId: "ana", message: { seq: 3 } },
  { key: "m4", authorId: "ben", message: { seq: 4 } },
  { key: "pending", authorId: "ana", message: null },
];

describe("read receipts: placeReaders", () => {
  it("puts each reader under the newest row they read, furthest reader first", () => {
    const placed = placeReaders(rows, [
      { userId: "ben", readSeq: 3 },
      { userId: "cleo", readSeq: 2 },
      { userId: "dan", readSeq: 9 },
      { userId: "eve", readSeq: 4 },
    ]);
    expect(Object.fromEntries(placed)).toEqual({ m1: ["cleo"], m3: ["ben"], m4: ["dan", "eve"] });
  });

  it("leaves out a reader whose place is their own message", () => {
    expect(placeReaders(rows, [{ userId: "ben", readSeq: 4 }]).size).toBe(0);
  });

  it("leaves out readers whose place is older than the loaded history", () => {
    expect(placeReaders(rows.slice(1), [{ userId: "cleo", readSeq: 2 }]).size).toBe(0);
    expect(placeReaders([], [{ userId: "cleo", readSeq: 2 }]).size).toBe(0);
  });
});

describe("read receipts: applyReceipt", () => {
  const state = { enabled: true, receipts: [{ userId: "ben", readSeq: 3 }] };

  it("moves a reader forward, adds a new one, never moves one back", () => {
    expect(applyReceipt(state, { userId: "ben", readSeq: 5 })?.receipts).toEqual([
      { userId: "ben", readSeq: 5 },
    ]);
    expect(applyReceipt(state, { userId: "ben", readSeq: 2 })).toBe(state);
    expect(applyReceipt(state, { userId: "cleo", readSeq: 1 })?.receipts).toHaveLength(2);
  });

  it("ignores receipts for a room that shows none, or one not loaded", () => {
    const off = { enabled: false, receipts: [] };
    expect(applyReceipt(off, { userId: "ben", readSeq: 5 })).toBe(off);
    expect(applyReceipt(undefined, { userId: "ben", readSeq: 5 })).toBeUndefined();
  });
});
