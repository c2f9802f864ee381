import { describe, expect, it } from "vitest";
import { type Charge, createMemoryRateLimiter } from "./rate-limiter";

const thirtyPer10s = { max: 30, windowMs: 10_000 };

function clock(start = 1_000_000) {
  const c = { t: start, now: () => c.t };
  return c;
}

async function takeTimes(limiter: ReturnType<typeof createMemoryRateLimiter>, charges: Charge[], n: number) {
  const waits: number[] = [];
  for (let i = 0; i < n; i++) waits.push(await limiter.take(charges));
  return waits;
}

describe("http: memory rate limiter (token bucket)", () => {
  it("http: allows a burst of max, refuses the next with the wait for one unit", async () => {
    const c = clock();
    const limiter = createMemoryRateLimiter(c.now);
    const charge = [{ key: "k", limit: thirtyPer10s }];
    expect(await takeTimes(limiter, charge, 30)).toEqual(new Array(30).fill(0));
    // One unit refills every 10 s / 30 = 333 ms: the wait rounds up to whole seconds.
    expect(await limiter.take(charge)).toBe(1);
    c.t += 333;
    expect(await limiter.take(charge)).toBe(1);
    c.t += 1;
    expect(await limiter.take(charge)).toBe(0);
    expect(await limiter.take(charge)).toBe(1);
  });

  it("http: sustains max per window after the burst, with no double burst at a window edge", async () => {
    const c = clock();
    const limiter = createMemoryRateLimiter(c.now);
    const charge = [{ key: "k", limit: thirtyPer10s }];
    await takeTimes(limiter, charge, 30);
    // Ten seconds later the bucket is full again, but only full: 30, not 60.
    c.t += 10_000;
    expect((await takeTimes(limiter, charge, 31)).filter((w) => w === 0)).toHaveLength(30);
    // Steady pacing at the sustained rate is never refused.
    c.t += 10_000;
    for (let i = 0; i < 100; i++) {
      c.t += 334;
      expect(await limiter.take(charge)).toBe(0);
    }
  });

  it("http: a long wait is reported in whole seconds up to a full unit", async () => {
    const c = clock();
    const limiter = createMemoryRateLimiter(c.now);
    const hourly = [{ key: "invite", limit: { max: 30, windowMs: 3_600_000 } }];
    await takeTimes(limiter, hourly, 30);
    expect(await limiter.take(hourly)).toBe(120);
    c.t += 119_500;
    expect(await limiter.take(hourly)).toBe(1);
    c.t += 500;
    expect(await limiter.take(hourly)).toBe(0);
  });

  it("http: several buckets are taken together or not at all, and the longest wait is reported", async () => {
    const c = clock();
    const limiter = createMemoryRateLimiter(c.now);
    const ip = { key: "ip", limit: { max: 3, windowMs: 3_000 } };
    const ana = { key: "ana", limit: { max: 2, windowMs: 10_000 } };
    const ben = { key: "ben", limit: { max: 2, windowMs: 10_000 } };
    expect(await takeTimes(limiter, [ana, ip], 2)).toEqual([0, 0]);
    // Ana's own bucket is empty: refused, and the shared IP bucket is not spent by the refusal.
    expect(await limiter.take([ana, ip])).toBe(5);
    expect(await limiter.take([ben, ip])).toBe(0);
    // Now the IP bucket is empty: Ben, with units left, is refused by it.
    expect(await limiter.take([ben, ip])).toBe(1);
    c.t += 1_000;
    expect(await limiter.take([ben, ip])).toBe(0);
  });

  it("http: refund gives a unit back, never more than a full bucket", async () => {
    const c = clock();
    const limiter = createMemoryRateLimiter(c.now);
    const charge = [{ key: "k", limit: { max: 2, windowMs: 60_000 } }];
    await takeTimes(limiter, charge, 2);
    await limiter.refund(charge);
    expect(await limiter.take(charge)).toBe(0);
    expect(await limiter.take(charge)).toBeGreaterThan(0);
    // Refunds past full are ignored: a full bucket still holds only max.
    c.t += 60_000;
    await limiter.refund(charge);
    await limiter.refund(charge);
    expect(await takeTimes(limiter, charge, 3)).toEqual([0, 0, 30]);
  });

  it("http: reset fills a key's bucket and keys are independent", async () => {
    const limiter = createMemoryRateLimiter(() => 0);
    const a = [{ key: "a", limit: { max: 1, windowMs: 1000 } }];
    const b = [{ key: "b", limit: { max: 1, windowMs: 1000 } }];
    await limiter.take(a);
    await limiter.take(b);
    await limiter.reset("a");
    expect(await limiter.take(a)).toBe(0);
    expect(await limiter.take(b)).toBe(1);
  });

  it("http: calls are decided in call order even when awaited together", async () => {
    const limiter = createMemoryRateLimiter(() => 0);
    const charge = [{ key: "k", limit: { max: 3, windowMs: 1000 } }];
    const waits = await Promise.all(Array.from({ length: 5 }, () => limiter.take(charge)));
    expect(waits.map((w) => w === 0)).toEqual([true, true, true, false, false]);
  });

  it("http: full buckets are forgotten, so many one-off keys do not grow the map forever", async () => {
    const c = clock();
    const limiter = createMemoryRateLimiter(c.now);
    const limit = { max: 1, windowMs: 1000 };
    for (let i = 0; i < 25_000; i++) await limiter.take([{ key: `once-${i}`, limit }]);
    c.t += 1000;
    // After the sweep, an old key starts from a full bucket again.
    for (let i = 0; i < 25_000; i++) expect(await limiter.take([{ key: `later-${i}`, limit }])).toBe(0);
    expect(limiter.keyCount()).toBe(25_000);
    expect(await limiter.take([{ key: "once-0", limit }])).toBe(0);
  });
});
