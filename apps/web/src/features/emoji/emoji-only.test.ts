import { describe, expect, it } from "vitest";
import { isEmojiOnly } from "./emoji-only";

describe("emoji: isEmojiOnly", () => {
  it("accepts one to three emoji, with spaces, skin tones, ZWJ families, flags and keycaps", () => {
    for (const body of ["😄", " 😄 ", "😄🎉", "👍🏽 🎉 ❤️", "👨‍👩‍👧‍👦", "🇫🇷🇯🇵", "1️⃣", "🏳️‍🌈"]) {
      expect(isEmojiOnly(body), body).toBe(true);
    }
  });

  it("refuses text, digits, four or more emoji and blanks", () => {
    for (const body of ["", "   ", "hi 😄", "😄!", "1", "😄😄😄😄", ":smile:", "**😄**"]) {
      expect(isEmojiOnly(body), body).toBe(false);
    }
  });
});
