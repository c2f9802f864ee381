import { describe, expect, it } from "vitest";
import { Histogram } from "./histogram";

/** Exact nearest-rank percentile, to compare the histogram against. */
function exact(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? Number.NaN;
}

describe("bench: latency histogram", () => {
  it("has no percentiles without samples", () => {
    const h = new Histogram();
    expect(h.percentile(99)).toBeNull();
    expect(h.summary()).toMatchObject({ count: 0, p50: null, max: null, mean: null });
  });

  it("is within 1.1 % above the exact nearest-rank percentile, never below", () => {
    const samples = Array.from({ length: 5000 }, (_, i) => 0.05 + ((i * 7919) % 5000) / 37);
    const h = new Histogram();
    for (const s of samples) h.record(s);
    for (const p of [1, 50, 95, 99, 99.9]) {
      const want = exact(samples, p);
      const got = h.percentile(p) ?? Number.NaN;
      expect(got).toBeGreaterThanOrEqual(want);
      expect(got).toBeLessThanOrEqual(want * 1.011);
    }
    expect(h.percentile(100)).toBe(Math.max(...samples));
  });

  it("never reports a percentile beyond the real min and max", () => {
    const h = new Histogram();
    h.record(3);
    expect(h.percentile(50)).toBe(3);
    expect(h.percentile(0)).toBe(3);
  });

  it("merges what separate processes recorded as if one had recorded everything", () => {
    const a = new Histogram();
    const b = new Histogram();
    const all = new Histogram();
    for (let i = 0; i < 1000; i++) {
      const v = (i % 97) * 0.3;
      (i % 2 ? a : b).record(v);
      all.record(v);
    }
    const merged = Histogram.from([a.data(), b.data()]);
    expect(merged.summary()).toEqual(all.summary());
  });

  it("counts negative and sub-microsecond values as zero", () => {
    const h = new Histogram();
    h.record(-1);
    h.record(0.0001);
    expect(h.count).toBe(2);
    expect(h.min).toBe(0);
    expect(h.percentile(100)).toBeCloseTo(0.0001);
  });
});
