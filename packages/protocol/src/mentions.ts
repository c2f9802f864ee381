/**
 * Mentions in a message body. A person is mentioned as `@**Display Name**` (Zulip's form:
 * readable as plain text, unambiguous where names contain spaces); the composer's
 * autocomplete writes it. `@room` notifies every member and `@here` those online — both only
 * when a moderator or above writes them. Server and client parse with the same function, so
 * what is highlighted is what notified.
 */

export type MentionToken =
  | { kind: "text"; text: string }
  | { kind: "person"; name: string; text: string }
  | { kind: "room" | "here"; text: string };

// A person: @** then a name without "**" or line breaks, then **. Room-wide: @room / @here as
// a whole word (not "email@here.com", not "@roomy").
const MENTION = /@\*\*([^*\n]+(?:\*(?!\*)[^*\n]*)*)\*\*|(?<![\w@.])@(room|here)(?![\w-])/g;

/** The body cut into text and mentions, in order (the renderer highlights the mentions). */
export function tokenizeMentions(body: string): MentionToken[] {
  const tokens: MentionToken[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    const start = match.index ?? 0;
    if (start > last) tokens.push({ kind: "text", text: body.slice(last, start) });
    const [text, name, everyone] = match;
    const trimmed = name?.trim();
    if (trimmed) tokens.push({ kind: "person", name: trimmed, text });
    else if (everyone === "room" || everyone === "here") tokens.push({ kind: everyone, text });
    else tokens.push({ kind: "text", text });
    last = start + text.length;
  }
  if (last < body.length) tokens.push({ kind: "text", text: body.slice(last) });
  return tokens;
}

/**
 * The body with its code blanked out — fenced blocks (```…```, ~~~…~~~) and inline spans
 * (`…`, ``…``) — since markdown shows "@room" in code as code, not as a mention.
 */
export function withoutCode(body: string): string {
  const blank = (code: string) => code.replace(/[^\n]/g, " ");
  return body
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^\1[ \t]*$|(?![\s\S]))/gm, blank)
    .replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, blank);
}

/**
 * Who a body mentions: display names (as written, deduplicated) and the room-wide forms.
 * Mentions inside code do not count (they are not shown as mentions either).
 */
export function findMentions(body: string): { names: string[]; room: boolean; here: boolean } {
  const names = new Set<string>();
  let room = false;
  let here = false;
  for (const token of tokenizeMentions(withoutCode(body))) {
    if (token.kind === "person") names.add(token.name);
    else if (token.kind === "room") room = true;
    else if (token.kind === "here") here = true;
  }
  return { names: [...names], room, here };
}

/** The text the autocomplete inserts for a person. */
export function mentionText(displayName: string): string {
  return `@**${displayName}**`;
}
