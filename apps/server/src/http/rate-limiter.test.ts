import { describe, expect, it } from "vitest";
import { createMemoryRateLimiter } from "./rate-limiter";

describe("http: memory rate limiter", () => {
  it("http: allows max hits per window, then reports the wait, and forgets after the window", () => {
    let now = 1_000_000;
    const limiter = createMemoryRateLimiter(() => now);
    for (let i = 0; i < 3; i++) expect(limiter.hit("k", 3, 60_000)).toBe(0);
    expect(limiter.peek("k", 3)).toBe(60);
    expect(limiter.hit("k", 3, 60_000)).toBe(60);
    now += 30_000;
    expect(limiter.peek("k", 3)).toBe(30);
    now += 30_001;
    expect(limiter.peek("k", 3)).toBe(0);
    expect(limiter.hit("k", 3, 60_000)).toBe(0);
  });

  it("http: reset clears a key and keys are independent", () => {
    const limiter = createMemoryRateLimiter(() => 0);
    limiter.hit("a", 1, 1000);
    limiter.hit("b", 1, 1000);
    expect(limiter.peek("a", 1)).toBeGreaterThan(0);
    limiter.reset("a");
    expect(limiter.peek("a", 1)).toBe(0);
    expect(limiter.peek("b", 1)).toBeGreaterThan(0);
  });
});
