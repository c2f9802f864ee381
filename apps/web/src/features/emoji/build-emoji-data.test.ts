import { describe, expect, it } from "vitest";
import { buildEmojiData } from "./build-emoji-data";
import shipped from "./emoji-data.json" with { type: "json" };
import { buildIndex } from "./emoji-index";

describe("emoji: the shipped table", () => {
  it("is what emojibase-data builds (run write-emoji-data.ts after upgrading the package)", () => {
    expect(shipped).toEqual(buildEmojiData());
  });

  it("has the usual shortcodes, skin tones, and no bare tone components", () => {
    const index = buildIndex(buildEmojiData());
    expect(index.byShortcode.get("smile")?.emoji).toBe("😄");
    expect(index.byShortcode.get("+1")?.skins).toEqual(["👍🏻", "👍🏼", "👍🏽", "👍🏾", "👍🏿"]);
    expect(index.byShortcode.get("tada")?.emoji).toBe("🎉");
    expect(index.all.some((e) => e.emoji === "🏻")).toBe(false);
    expect(index.all.length).toBeGreaterThan(1800);
  });
});
