import { describe, expect, it } from "vitest";
import { MESSAGE_MAX_LENGTH } from "./limits";
import { HistoryQuery, isMessageTooLong, isSingleEmoji } from "./messages";
import { passwordWeakness } from "./password-policy";

describe("protocol: message limits", () => {
  it("protocol: counts characters as the user sees them, not UTF-16 units", () => {
    expect(isMessageTooLong("a".repeat(MESSAGE_MAX_LENGTH))).toBe(false);
    expect(isMessageTooLong("a".repeat(MESSAGE_MAX_LENGTH + 1))).toBe(true);
    expect(isMessageTooLong("😀".repeat(MESSAGE_MAX_LENGTH))).toBe(false);
  });

  it("protocol: history queries coerce numbers, default the limit, and refuse before+after", () => {
    expect(HistoryQuery.parse({ before: "20" })).toEqual({ before: 20, limit: 50 });
    expect(HistoryQuery.safeParse({ before: "1", after: "2" }).success).toBe(false);
    expect(HistoryQuery.safeParse({ limit: "1000" }).success).toBe(false);
    expect(HistoryQuery.safeParse({ after: "-1" }).success).toBe(false);
  });
});

describe("protocol: password policy", () => {
  it("protocol: refuses short, repetitive and email-based passwords", () => {
    expect(passwordWeakness("short")).toMatch(/at least/);
    expect(passwordWeakness("aaaaaaaaaaaa")).toMatch(/repetitive/);
    expect(passwordWeakness("ana.lopez-1234", "ana.lopez@example.com")).toMatch(/email/);
    expect(passwordWeakness("correct horse battery staple", "ana@example.com")).toBeNull();
  });
});

describe("isSingleEmoji", () => {
  it("accepts one emoji, with skin tones, joiners, variation selectors, flags and keycaps", () => {
    for (const emoji of ["👍", "❤️", "👍🏽", "👩‍💻", "🇫🇷", "1️⃣", "🎉"])
      expect(isSingleEmoji(emoji), emoji).toBe(true);
  });

  it("refuses text, several emoji, and emoji with text", () => {
    for (const text of ["", "a", "ok", "👍👍", "👍 ", ":+1:", "<script>", "1", "👍a"]) {
      expect(isSingleEmoji(text), text).toBe(false);
    }
  });
});
