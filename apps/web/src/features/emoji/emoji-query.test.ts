import { describe, expect, it } from "vitest";
import type { EmojiRow } from "./build-emoji-data";
import { buildIndex, searchEmoji, shortcodeFor, withTone } from "./emoji-index";
import { applyEmoji, insertEmoji, replaceShortcodeAt, shortcodeQueryAt } from "./emoji-query";

const index = buildIndex([
  ["😄", "grinning face with smiling eyes", "smile", 0, "happy laugh"],
  ["🙂", "slightly smiling face", "slightly_smiling_face", 0, "face smile"],
  ["👍", "thumbs up", "+1 thumbsup", 1, "hand ok yes", ["👍🏻", "👍🏼", "👍🏽", "👍🏾", "👍🏿"]],
  ["🚢", "ship", "ship", 5, "boat"],
] satisfies EmojiRow[]);
const plain = (code: string) => index.byShortcode.get(code)?.emoji;
function byCode(code: string) {
  const found = index.byShortcode.get(code);
  if (!found) throw new Error(`no emoji :${code}:`);
  return found;
}

describe("emoji: shortcodeQueryAt", () => {
  it("finds :name before the caret once two characters are typed", () => {
    expect(shortcodeQueryAt("hi :sm", 6)).toEqual({ start: 3, text: "sm" });
    expect(shortcodeQueryAt(":+1", 3)).toEqual({ start: 0, text: "+1" });
    expect(shortcodeQueryAt("(:Thu", 5)).toEqual({ start: 1, text: "thu" });
  });

  it("ignores times, smileys, closed codes and a single letter", () => {
    expect(shortcodeQueryAt("at 10:30", 8)).toBeNull();
    expect(shortcodeQueryAt("ok :D", 5)).toBeNull();
    expect(shortcodeQueryAt("x :smile:", 9)).toBeNull();
    expect(shortcodeQueryAt("http://x", 8)).toBeNull();
    expect(shortcodeQueryAt(":s", 2)).toBeNull();
  });
});

describe("emoji: replaceShortcodeAt", () => {
  it("turns a known shortcode into its emoji when its closing colon is typed", () => {
    expect(replaceShortcodeAt("hi :smile: there", 10, index, plain)).toEqual({
      text: "hi 😄 there",
      caret: 5,
      emoji: "😄",
    });
    expect(replaceShortcodeAt(":+1:", 4, index, (c) => withTone(byCode(c), 3))).toEqual({
      text: "👍🏽",
      caret: 4,
      emoji: "👍🏽",
    });
  });

  it("converts a second shortcode right after an emoji or another shortcode", () => {
    expect(replaceShortcodeAt("😄:smile:", 9, index, plain)?.text).toBe("😄😄");
    expect(shortcodeQueryAt("🚢:sh", 5)).toEqual({ start: 2, text: "sh" });
  });

  it("leaves unknown names, inner colons and code alone", () => {
    expect(replaceShortcodeAt("hi :nope:", 9, index, plain)).toBeNull();
    expect(replaceShortcodeAt("a:smile:", 8, index, plain)).toBeNull();
    expect(replaceShortcodeAt("`:smile:", 8, index, plain)).toBeNull();
    expect(replaceShortcodeAt("hi :smile: x", 12, index, plain)).toBeNull();
  });
});

describe("emoji: searchEmoji", () => {
  it("ranks shortcode prefixes, then words of names and tags; substrings only as a last resort", () => {
    expect(searchEmoji(index, "smi").map((e) => e.emoji)).toEqual(["😄", "🙂"]);
    expect(searchEmoji(index, "boat").map((e) => e.emoji)).toEqual(["🚢"]);
    expect(searchEmoji(index, "up").map((e) => e.emoji)).toEqual(["👍"]);
    expect(searchEmoji(index, "hip").map((e) => e.emoji)).toEqual(["🚢"]);
    // A shortcode prefix, then a word of a name; "smil" inside other shortcodes is not needed.
    expect(searchEmoji(index, "smil").map((e) => e.emoji)).toEqual(["😄", "🙂"]);
    expect(searchEmoji(index, "milin").map((e) => e.emoji)).toEqual(["🙂"]);
    expect(searchEmoji(index, "thumbs u").map((e) => e.emoji)).toEqual(["👍"]);
    expect(searchEmoji(index, "  ")).toEqual([]);
  });

  it("shows the shortcode the typed text starts", () => {
    expect(shortcodeFor(byCode("+1"), "thu")).toBe("thumbsup");
    expect(shortcodeFor(byCode("+1"), "")).toBe("+1");
  });

  it("finds the base of a skin-tone variant", () => {
    expect(index.byEmoji.get("👍🏿")?.emoji).toBe("👍");
    expect(withTone(byCode("ship"), 4)).toBe("🚢");
  });
});

describe("emoji: applyEmoji and insertEmoji", () => {
  it("replaces the typed fragment with the emoji and a space", () => {
    expect(applyEmoji("hi :smi there", { start: 3, text: "smi" }, 7, "😄")).toEqual({
      text: "hi 😄 there",
      caret: 6,
    });
  });

  it("inserts at the caret or over the selection", () => {
    expect(insertEmoji("ab", 1, 1, "🎉")).toEqual({ text: "a🎉b", caret: 3 });
    expect(insertEmoji("abc", 1, 2, "🎉")).toEqual({ text: "a🎉c", caret: 3 });
  });
});
