import { type LatencySummary, round } from "./stats";

/** Buckets per doubling: each bucket is 2^(1/64) ≈ 1.1 % wide, the figures' resolution. */
const PER_DOUBLING = 64;
/** 1 µs · 2^40 is about 12 days: nothing we time comes near it. */
const BUCKETS = PER_DOUBLING * 40;

/** A histogram as it crosses from a generator process to the coordinator (sparse). */
export interface HistogramData {
  buckets: Array<[index: number, count: number]>;
  count: number;
  sum: number;
  min: number;
  max: number;
}

/**
 * Latency histogram with logarithmic buckets. The generator records millions of deliveries
 * per run in several processes; keeping every sample and shipping it to the coordinator would
 * cost more than the measurement, so each process fills one of these and the coordinator
 * merges them. Percentiles are the upper edge of the bucket that holds the nearest-rank
 * sample (capped at the true max): at most ~1.1 % above the latency that really happened.
 */
export class Histogram {
  private readonly counts = new Uint32Array(BUCKETS);
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = 0;

  record(ms: number): void {
    // NaN (a body that did not parse) and negatives count as 0 rather than corrupting a bucket.
    const value = ms > 0 && Number.isFinite(ms) ? ms : 0;
    const index = bucketOf(value);
    this.counts[index] = (this.counts[index] ?? 0) + 1;
    this.count += 1;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  merge(data: HistogramData): void {
    for (const [index, n] of data.buckets) this.counts[index] = (this.counts[index] ?? 0) + n;
    this.count += data.count;
    this.sum += data.sum;
    if (data.count > 0) {
      this.min = Math.min(this.min, data.min);
      this.max = Math.max(this.max, data.max);
    }
  }

  static from(parts: readonly HistogramData[]): Histogram {
    const h = new Histogram();
    for (const part of parts) h.merge(part);
    return h;
  }

  data(): HistogramData {
    const buckets: Array<[number, number]> = [];
    this.counts.forEach((n, i) => {
      if (n > 0) buckets.push([i, n]);
    });
    return { buckets, count: this.count, sum: this.sum, min: this.count ? this.min : 0, max: this.max };
  }

  /** Nearest-rank percentile in ms (bucket resolution); null without samples. */
  percentile(p: number): number | null {
    if (this.count === 0) return null;
    if (p >= 100) return this.max;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i] ?? 0;
      if (seen >= rank) return Math.max(this.min, Math.min(this.max, upperEdge(i)));
    }
    return this.max;
  }

  summary(): LatencySummary {
    return {
      count: this.count,
      p50: round(this.percentile(50)),
      p95: round(this.percentile(95)),
      p99: round(this.percentile(99)),
      max: round(this.count ? this.max : null),
      mean: round(this.count ? this.sum / this.count : null),
    };
  }
}

/** Bucket i holds [2^(i/64), 2^((i+1)/64)) µs; everything under ~1 µs goes to bucket 0. */
function bucketOf(ms: number): number {
  const us = ms * 1000;
  if (us < 1) return 0;
  return Math.min(BUCKETS - 1, Math.floor(Math.log2(us) * PER_DOUBLING));
}

function upperEdge(index: number): number {
  return 2 ** ((index + 1) / PER_DOUBLING) / 1000;
}
