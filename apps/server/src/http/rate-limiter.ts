/**
 * A budget: `max` at once, refilled evenly over `windowMs` — so `max` per window sustained,
 * and never more than `max` in a burst. (A fixed window would allow 2 × `max` around its
 * edge: `max` just before it resets and `max` just after.)
 */
export interface Limit {
  max: number;
  windowMs: number;
}

/** One bucket an attempt takes from: its key (e.g. `post:user:<id>`) and its budget. */
export interface Charge {
  key: string;
  limit: Limit;
}

/**
 * Token buckets by key. In memory for the embedded default; the methods are async because a
 * Redis-backed limiter shared by several nodes will implement this same interface (GCRA keeps
 * one timestamp per key, which a short Lua script updates atomically, expiring it when full).
 */
export interface RateLimiter {
  /**
   * Takes one unit from every bucket if each has one, or from none (a refused attempt spends
   * nothing, so a client retrying on time is not pushed further back). Resolves to 0 when taken,
   * else to the whole seconds (at least 1) until all of them would have a unit.
   */
  take(charges: readonly Charge[]): Promise<number>;
  /** Gives one unit back to each bucket (an attempt that turned out to cost nothing). */
  refund(charges: readonly Charge[]): Promise<void>;
  /** Fills a bucket again (e.g. a key's failed sign-ins, after a successful one). */
  reset(key: string): Promise<void>;
}

/** Float rounding (windowMs / max summed max times) must not refuse the last unit of a burst. */
const EPSILON_MS = 1e-6;
/** Keys held before the first sweep of full buckets; later sweeps run when the map doubles. */
const FIRST_SWEEP = 10_000;

/**
 * GCRA (the generic cell rate algorithm, a token bucket kept as one number): per key, the
 * "theoretical arrival time" at which its bucket is full again. A take moves it forward by one
 * unit's share of the window and is allowed while it stays within one window of now.
 */
export function createMemoryRateLimiter(
  now: () => number = Date.now,
): RateLimiter & { /** Keys held (for tests of the bound). */ keyCount(): number } {
  const fullAt = new Map<string, number>();
  let sweepAt = FIRST_SWEEP;
  const unit = (limit: Limit) => limit.windowMs / limit.max;

  // A key whose bucket is full holds no information: forget it, so the map stays bounded by
  // the keys active within their window. Sweeping only when the map doubles keeps it O(1)
  // per take on average.
  const sweep = (t: number) => {
    for (const [key, at] of fullAt) if (at <= t) fullAt.delete(key);
    sweepAt = Math.max(FIRST_SWEEP, fullAt.size * 2);
  };

  const takeNow = (charges: readonly Charge[]): number => {
    const t = now();
    if (fullAt.size >= sweepAt) sweep(t);
    const next = new Map<string, number>();
    let waitMs = 0;
    for (const { key, limit } of charges) {
      const after = Math.max(next.get(key) ?? fullAt.get(key) ?? t, t) + unit(limit);
      const over = after - t - limit.windowMs;
      if (over > EPSILON_MS) waitMs = Math.max(waitMs, over);
      else next.set(key, after);
    }
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
    for (const [key, at] of next) fullAt.set(key, at);
    return 0;
  };

  const refundNow = (charges: readonly Charge[]): void => {
    const t = now();
    for (const { key, limit } of charges) {
      const at = fullAt.get(key);
      if (at === undefined) continue;
      const back = at - unit(limit);
      if (back <= t) fullAt.delete(key);
      else fullAt.set(key, back);
    }
  };

  // The work happens synchronously at call time, so calls made in order (one user's sends in
  // arrival order) are decided in that order even when their promises are awaited together.
  return {
    take: (charges) => Promise.resolve(takeNow(charges)),
    refund: (charges) => Promise.resolve(refundNow(charges)),
    reset: (key) => {
      fullAt.delete(key);
      return Promise.resolve();
    },
    keyCount: () => fullAt.size,
  };
}
