import { describe, expect, it } from "vitest";
import { TypingThrottle } from "./typing-throttle";

describe("typing: the per-connection throttle", () => {
  it("typing: lets one frame per second through and drops the ones in between", () => {
    let t = 0;
    const throttle = new TypingThrottle(1_000, () => t);
    expect(throttle.take()).toBe(true);
    t = 300;
    expect(throttle.take()).toBe(false);
    t = 999;
    expect(throttle.take()).toBe(false);
    t = 1_000;
    expect(throttle.take()).toBe(true);
    // A dropped frame does not push the next window back.
    t = 1_500;
    expect(throttle.take()).toBe(false);
    t = 2_000;
    expect(throttle.take()).toBe(true);
  });
});
