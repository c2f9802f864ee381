import { describe, expect, it } from "vitest";
import { held, highestHeld, messageRate } from "./ladder";

const step = (
  offeredPerSec: number,
  p99: number | null,
  deliveredPerSec = offeredPerSec,
  complete = true,
) => ({
  offeredPerSec,
  deliveredPerSec,
  latency: { p99 },
  complete,
});

describe("bench: fan-out ladder", () => {
  it("holds a rate only when complete, on time and really carried", () => {
    expect(held(step(1000, 12))).toBe(true);
    expect(held(step(1000, 100))).toBe(true);
    expect(held(step(1000, 100.5))).toBe(false);
    expect(held(step(1000, 5, 1000, false))).toBe(false);
    expect(held(step(1000, 5, 850))).toBe(false);
    expect(held(step(1000, null))).toBe(false);
    expect(held(step(1000, 25), 30)).toBe(true);
    expect(held(step(1000, 35), 30)).toBe(false);
  });

  it("turns deliveries per second into a message rate for the room", () => {
    expect(messageRate(25_000, 500)).toBe(50);
    expect(messageRate(25_000, 50)).toBe(500);
    expect(messageRate(100, 500)).toBe(1);
  });

  it("picks the highest rate that held, even past a step that did not", () => {
    const steps = [step(10, 2), step(20, 150), step(30, 40), step(40, 120)];
    expect(highestHeld(steps)?.offeredPerSec).toBe(30);
    expect(highestHeld(steps, 30)?.offeredPerSec).toBe(10);
    expect(highestHeld([step(10, 200)])).toBeNull();
  });
});
