import { mentionText } from "@parley/protocol";

/** What is being typed after an "@" just before the caret, and where it starts. */
export interface MentionQuery {
  /** Index of the "@". */
  start: number;
  /** The text typed after it (may be empty: just "@"). */
  text: string;
}

/** Longest name fragment worth completing; past it the "@" was not a mention. */
const MAX_QUERY = 40;

/**
 * The mention being typed at the caret, if any: an "@" at the start or after a space or an
 * opening bracket, followed by up to MAX_QUERY characters without a line break or a second
 * "@". "ana@example.com" is not a mention; "@Ana Lo" is (names have spaces).
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0) return null;
  const previous = at === 0 ? " " : before[at - 1];
  if (previous === undefined || !/[\s([{"'“]/.test(previous)) return null;
  const typed = before.slice(at + 1);
  if (typed.length > MAX_QUERY || /[\n@*]/.test(typed) || typed.startsWith(" ")) return null;
  return { start: at, text: typed };
}

/** A choice in the autocomplete: a person (by display name) or @room / @here. */
export type MentionChoice = { kind: "person"; id: string; name: string } | { kind: "room" | "here" };

/** Replaces the typed "@fragment" with the chosen mention and a space; returns the new caret. */
export function applyMention(
  text: string,
  query: MentionQuery,
  caret: number,
  choice: MentionChoice,
): { text: string; caret: number } {
  const inserted = `${choice.kind === "person" ? mentionText(choice.name) : `@${choice.kind}`} `;
  const after = text.slice(caret).replace(/^ /, "");
  const next = text.slice(0, query.start) + inserted + after;
  return { text: next, caret: query.start + inserted.length };
}

/** Autocomplete ranking: names starting with the text, then names with a word starting with it. */
export function matchPeople<P extends { name: string }>(people: readonly P[], text: string, limit = 8): P[] {
  const q = text.trim().toLocaleLowerCase();
  const starts: P[] = [];
  const words: P[] = [];
  for (const person of people) {
    const name = person.name.toLocaleLowerCase();
    if (name.startsWith(q)) starts.push(person);
    else if (name.split(/\s+/).some((word) => word.startsWith(q))) words.push(person);
  }
  const byName = (a: P, b: P) => a.name.localeCompare(b.name);
  return [...starts.sort(byName), ...words.sort(byName)].slice(0, limit);
}
