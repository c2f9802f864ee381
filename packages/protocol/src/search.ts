import { z } from "zod";
import { PublicUser } from "./accounts";
import { Id, Seq, Timestamp } from "./common";
import { RoomKind } from "./rooms";

/** Longest search text, in characters. */
export const SEARCH_QUERY_MAX_LENGTH = 200;
/** Most words (whitespace-separated terms) in one search; every one must match. */
export const SEARCH_MAX_TERMS = 8;
/** Results per page unless `limit` says otherwise, and the most one page may hold. */
export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_PAGE_MAX = 50;
/** Terms shorter than this cannot use the trigram index (they are matched by a scan). */
export const SEARCH_TRIGRAM_MIN = 3;

/** The terms of a search text: split on whitespace, each matched as a substring. */
export function searchTerms(q: string): string[] {
  return q.split(/\s+/u).filter((t) => t.length > 0);
}

/**
 * Where the next page starts: the last result's time and id (results are ordered newest
 * first, ties broken by id), as opaque base64url text. Only the server reads it.
 */
export interface SearchCursorValue {
  createdAt: string;
  id: string;
}

const base64url = {
  encode: (text: string) => btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/u, ""),
  decode: (text: string) => atob(text.replaceAll("-", "+").replaceAll("_", "/")),
};

export function encodeSearchCursor(value: SearchCursorValue): string {
  return base64url.encode(`${value.createdAt}|${value.id}`);
}

/** The cursor's value, or null when the text is not one this server wrote. */
export function decodeSearchCursor(text: string): SearchCursorValue | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/u.test(text)) return null;
  let plain: string;
  try {
    plain = base64url.decode(text);
  } catch {
    return null;
  }
  const [createdAt, id, extra] = plain.split("|");
  if (extra !== undefined || !createdAt || !id) return null;
  if (Number.isNaN(Date.parse(createdAt)) || !Id.safeParse(id).success) return null;
  return { createdAt, id };
}

/** "2026-02-30" parses (as March 2nd) in JavaScript; a day must exist to be accepted. */
function isCalendarDay(day: string): boolean {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An instant given as ISO-8601 (a date, or a date and time), normalised to UTC. */
const Instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/u, "must be an ISO-8601 date or date-time")
  .refine((s) => !Number.isNaN(Date.parse(s)) && isCalendarDay(s.slice(0, 10)), "must be a real date")
  .transform((s) => new Date(s).toISOString());

export const SearchQuery = z
  .object({
    q: z
      .string()
      .trim()
      .min(1, "Type something to search for")
      .max(SEARCH_QUERY_MAX_LENGTH, `At most ${SEARCH_QUERY_MAX_LENGTH} characters`)
      .refine((q) => searchTerms(q).length <= SEARCH_MAX_TERMS, `At most ${SEARCH_MAX_TERMS} words`),
    /** Only this room (one of mine; another gives no results, as it would for anything else). */
    roomId: Id.optional(),
    /** Only messages by this person. */
    from: Id.optional(),
    /** Only messages posted at or after this instant. */
    after: Instant.optional(),
    /** Only messages posted before this instant. */
    before: Instant.optional(),
    /** Only messages that carry files ("true"/"false" in a query string). */
    hasFile: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional(),
    /** The `nextCursor` of the previous page. */
    cursor: z
      .string()
      .transform((text, ctx) => {
        const value = decodeSearchCursor(text);
        if (!value) {
          ctx.addIssue({ code: "custom", message: "is not a cursor from a previous page" });
          return z.NEVER;
        }
        return value;
      })
      .optional(),
    limit: z.coerce.number().int().min(1).max(SEARCH_PAGE_MAX).default(SEARCH_PAGE_SIZE),
  })
  .refine((s) => !s.after || !s.before || s.after < s.before, {
    message: "must be later than after",
    path: ["before"],
  });
export type SearchQuery = z.input<typeof SearchQuery>;

/**
 * A stretch of a message with the matched parts as character ranges [start, end) into
 * `text` (UTF-16 offsets): the client renders the marks itself, so no markup from a message
 * is ever trusted.
 */
export const SearchSnippet = z.object({
  text: z.string(),
  highlights: z.array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive() })),
  /** The message goes on before / after the stretch shown. */
  cutStart: z.boolean(),
  cutEnd: z.boolean(),
});
export type SearchSnippet = z.infer<typeof SearchSnippet>;

export const SearchHit = z.object({
  messageId: Id,
  room: z.object({ id: Id, kind: RoomKind, name: z.string(), people: z.array(PublicUser) }),
  seq: Seq,
  author: PublicUser,
  createdAt: Timestamp,
  snippet: SearchSnippet,
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResponse = z.object({
  /** Newest first. */
  results: z.array(SearchHit),
  /** Pass as `cursor` for the next (older) page; null when there is none. */
  nextCursor: z.string().nullable(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;
