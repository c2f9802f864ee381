import { describe, expect, it } from "vitest";
import { FrameBudget } from "./frame-budget";

describe("realtime: frame budget", () => {
  it("realtime: allows a burst, refuses past it, refills over time", () => {
    let now = 0;
    const budget = new FrameBudget(5, 10, () => now);
    for (let i = 0; i < 5; i++) expect(budget.take()).toBe(true);
    expect(budget.take()).toBe(false);
    expect(budget.retryAfterSeconds()).toBe(1);
    now += 100; // one token at 10/s
    expect(budget.take()).toBe(true);
    expect(budget.take()).toBe(false);
    now += 10_000;
    for (let i = 0; i < 5; i++) expect(budget.take()).toBe(true);
    expect(budget.take()).toBe(false);
  });
});
