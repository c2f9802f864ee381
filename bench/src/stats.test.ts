import { describe, expect, it } from "vitest";
import { percentile, summarize } from "./stats";

describe("bench: percentiles", () => {
  it("bench: nearest rank returns a real sample, never an interpolated one", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 51)).toBe(3);
  });

  it("bench: small and empty sample sets", () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
    // With 10 samples, p99 is the maximum: one slow message is the tail.
    expect(percentile([1, 1, 1, 1, 1, 1, 1, 1, 1, 500], 99)).toBe(500);
  });

  it("bench: summarize sorts numerically, not as strings", () => {
    const s = summarize([10, 9, 100, 2, 1]);
    expect(s).toEqual({ count: 5, p50: 9, p95: 100, p99: 100, max: 100, mean: 24.4 });
    expect(summarize([])).toEqual({ count: 0, p50: null, p95: null, p99: null, max: null, mean: null });
  });
});
