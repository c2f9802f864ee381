import { describe, expect, it } from "vitest";
import { paddedIn, powerOfTwoChunks } from "./statement-shapes";

describe("db: statement shapes", () => {
  it("db: an IN list is padded to a power of two with its last item, keeping every item", () => {
    expect(paddedIn([])).toEqual([]);
    expect(paddedIn(["a"])).toEqual(["a"]);
    expect(paddedIn(["a", "b", "c"])).toEqual(["a", "b", "c", "c"]);
    const fifty = Array.from({ length: 50 }, (_, i) => i);
    const padded = paddedIn(fifty);
    expect(padded).toHaveLength(64);
    expect(new Set(padded)).toEqual(new Set(fifty));
    // Every length from 1 to 500 takes one of ten shapes.
    const shapes = new Set(Array.from({ length: 500 }, (_, i) => paddedIn(Array(i + 1).fill(0)).length));
    expect([...shapes].sort((a, b) => a - b)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512]);
  });

  it("db: rows are split into power-of-two chunks, largest first, in order, none lost", () => {
    const rows = Array.from({ length: 300 }, (_, i) => i);
    const chunks = powerOfTwoChunks(rows, 500);
    expect(chunks.map((c) => c.length)).toEqual([256, 32, 8, 4]);
    expect(chunks.flat()).toEqual(rows);
    expect(powerOfTwoChunks(Array(1000).fill(0), 500).map((c) => c.length)).toEqual([
      256, 256, 256, 128, 64, 32, 8,
    ]);
    expect(powerOfTwoChunks([], 500)).toEqual([]);
    // Every batch size from 1 to 500 uses at most nine insert shapes in all.
    const sizes = new Set<number>();
    for (let n = 1; n <= 500; n++)
      for (const c of powerOfTwoChunks(Array(n).fill(0), 500)) sizes.add(c.length);
    expect(sizes.size).toBe(9);
  });
});
