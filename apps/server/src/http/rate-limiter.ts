/**
 * Counts attempts per key in a fixed window. In memory for the embedded default; the
 * interface is what a Redis-backed limiter will implement for several nodes.
 */
export interface RateLimiter {
  /** Records one attempt; returns seconds to wait if the key is over its limit, else 0. */
  hit(key: string, max: number, windowMs: number): number;
  /** Seconds to wait if the key is already over its limit (without counting an attempt). */
  peek(key: string, max: number): number;
  reset(key: string): void;
}

export function createMemoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const current = (key: string) => {
    const w = windows.get(key);
    if (w && w.resetAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return w;
  };
  const wait = (w: { resetAt: number }) => Math.max(1, Math.ceil((w.resetAt - now()) / 1000));
  return {
    hit(key, max, windowMs) {
      // Drop expired windows now and then so the map cannot grow without bound.
      if (windows.size > 10_000) for (const k of [...windows.keys()]) current(k);
      const w = current(key) ?? { count: 0, resetAt: now() + windowMs };
      w.count += 1;
      windows.set(key, w);
      return w.count > max ? wait(w) : 0;
    },
    peek(key, max) {
      const w = current(key);
      return w && w.count >= max ? wait(w) : 0;
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
