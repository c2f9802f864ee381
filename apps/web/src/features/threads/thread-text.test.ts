import { describe, expect, it } from "vitest";
import { relativeReplyTime, replyCountText, threadBadgeText } from "./thread-text";

describe("threads: texts", () => {
  it("threads: counts replies in words, and caps the badge", () => {
    expect(replyCountText(1)).toBe("1 reply");
    expect(replyCountText(12)).toBe("12 replies");
    expect(threadBadgeText(7)).toBe("7");
    expect(threadBadgeText(100)).toBe("99+");
  });

  it("threads: says when the last reply came relative to today", () => {
    const now = new Date(2026, 10, 25, 18, 0);
    expect(relativeReplyTime(new Date(2026, 10, 25, 9, 5).toISOString(), now)).toBe("at 09:05");
    expect(relativeReplyTime(new Date(2026, 10, 24, 9, 5).toISOString(), now)).toBe("yesterday at 09:05");
    expect(relativeReplyTime(new Date(2026, 10, 20, 9, 5).toISOString(), now)).toMatch(/^on .+ at 09:05$/);
  });
});
