import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./backoff";

describe("jobs: retryDelayMs", () => {
  it("doubles from about 2 s per failure", () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, middle))).toEqual([2_000, 4_000, 8_000, 16_000]);
  });

  it("is capped at 10 minutes", () => {
    expect(retryDelayMs(30, () => 0.5)).toBe(600_000);
    expect(retryDelayMs(1_000, () => 0.5)).toBe(600_000);
  });

  it("spreads retries by ±20 %", () => {
    expect(retryDelayMs(1, () => 0)).toBe(1_600);
    expect(retryDelayMs(1, () => 1)).toBe(2_400);
  });
});
