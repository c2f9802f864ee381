import type { SearchSnippet } from "@parley/protocol";

/** Longest stretch of a message shown in a result, in UTF-16 code units. */
export const SNIPPET_LENGTH = 160;
/** How much text to keep before the first match when the message is cut. */
const LEAD = 40;

/**
 * Case- and accent-folded text with, for each folded code unit, the offset in the original
 * of the character it came from (plus a final entry: the original's length), so a match in
 * the folded text maps back to a range of the original.
 */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = "";
  const map: number[] = [];
  let offset = 0;
  for (const char of text) {
    const f = fold(char);
    folded += f;
    for (let i = 0; i < f.length; i++) map.push(offset);
    offset += char.length;
  }
  map.push(text.length);
  return { folded, map };
}

/** What search compares: lower case, without accents ("Café" and "cafe" are the same). */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Where the terms occur in the text: sorted, merged [start, end) ranges of the original. */
export function matchRanges(text: string, terms: readonly string[]): Array<{ start: number; end: number }> {
  const { folded, map } = foldWithMap(text);
  const found: Array<{ start: number; end: number }> = [];
  for (const term of terms) {
    const needle = fold(term);
    if (needle.length === 0) continue;
    for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
      const start = map[at] as number;
      const end = map[at + needle.length] as number;
      if (end > start) found.push({ start, end });
    }
  }
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Array<{ start: number; end: number }> = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

const isLowSurrogate = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

/**
 * The part of a message a result shows: all of it when short, else a stretch that starts a
 * little before the first match (at a word boundary when one is near), with the matches as
 * ranges into that stretch.
 */
export function buildSnippet(body: string, terms: readonly string[]): SearchSnippet {
  const ranges = matchRanges(body, terms);
  if (body.length <= SNIPPET_LENGTH)
    return { text: body, highlights: ranges, cutStart: false, cutEnd: false };
  let start = Math.max(0, Math.min((ranges[0]?.start ?? 0) - LEAD, body.length - SNIPPET_LENGTH));
  if (start > 0) {
    // Begin at the next word if one starts soon after the cut (but never after the match).
    const space = body.slice(start, start + 15).search(/\s/u);
    if (space !== -1 && start + space + 1 <= (ranges[0]?.start ?? start)) start += space + 1;
  }
  if (isLowSurrogate(body, start)) start += 1;
  let end = Math.min(body.length, start + SNIPPET_LENGTH);
  if (end < body.length && isLowSurrogate(body, end)) end -= 1;
  const highlights = ranges
    .filter((r) => r.end > start && r.start < end)
    .map((r) => ({ start: Math.max(r.start, start) - start, end: Math.min(r.end, end) - start }));
  return { text: body.slice(start, end), highlights, cutStart: start > 0, cutEnd: end < body.length };
}
