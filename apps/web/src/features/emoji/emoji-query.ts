import type { EmojiIndex } from "./emoji-index";

/** What is being typed after a ":" before the caret, and where it starts. */
export interface ShortcodeQuery {
  /** Index of the ":". */
  start: number;
  /** The name typed after it (at least MIN_QUERY characters). */
  text: string;
}

/** ":" alone or ":d" is punctuation or a smiley (":D"), not a search yet (Slack waits for two). */
const MIN_QUERY = 2;

// A shortcode does not follow a letter, digit, "_", ":", "/" or "`": "at 10:30", "a:b" and
// "http://x" are not shortcodes, but ":tada::tada:" and "🎉:tada:" are two.
const QUERY = /(?<![\p{L}\p{N}_:/`])(:([a-z0-9_+-]{2,40}))$/iu;
const CLOSED = /(?<![\p{L}\p{N}_:/`])(:([a-z0-9_+-]{1,40}):)$/iu;

/** The shortcode being typed at the caret (`:smi`), if any. */
export function shortcodeQueryAt(text: string, caret: number): ShortcodeQuery | null {
  const match = QUERY.exec(text.slice(0, caret));
  if (!match?.[1] || !match[2] || match[2].length < MIN_QUERY) return null;
  return { start: caret - match[1].length, text: match[2].toLowerCase() };
}

/**
 * When the caret follows a complete known shortcode (the closing ":" was just typed):
 * the text with the shortcode replaced by its emoji, and the new caret. Null otherwise.
 */
export function replaceShortcodeAt(
  text: string,
  caret: number,
  index: EmojiIndex,
  pick: (shortcode: string) => string | undefined,
): { text: string; caret: number; emoji: string } | null {
  const match = CLOSED.exec(text.slice(0, caret));
  if (!match?.[1] || !match[2]) return null;
  const emoji = index.byShortcode.has(match[2].toLowerCase()) ? pick(match[2].toLowerCase()) : undefined;
  if (!emoji) return null;
  const start = caret - match[1].length;
  return { text: text.slice(0, start) + emoji + text.slice(caret), caret: start + emoji.length, emoji };
}

/** Replaces the typed ":fragment" with the emoji and a space; returns the new caret. */
export function applyEmoji(
  text: string,
  query: ShortcodeQuery,
  caret: number,
  emoji: string,
): { text: string; caret: number } {
  const inserted = `${emoji} `;
  const after = text.slice(caret).replace(/^ /, "");
  return { text: text.slice(0, query.start) + inserted + after, caret: query.start + inserted.length };
}

/** Inserts an emoji at the caret (or over the selection), as the picker does. */
export function insertEmoji(
  text: string,
  selectionStart: number,
  selectionEnd: number,
  emoji: string,
): { text: string; caret: number } {
  return {
    text: text.slice(0, selectionStart) + emoji + text.slice(selectionEnd),
    caret: selectionStart + emoji.length,
  };
}
