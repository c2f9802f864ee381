import type { Database } from "@parley/db";
import {
  encodeSearchCursor,
  SEARCH_TRIGRAM_MIN,
  type SearchCursorValue,
  type SearchHit,
  type SearchResponse,
  searchTerms,
} from "@parley/protocol";
import { type Expression, type Kysely, type SqlBool, sql } from "kysely";
import { isPostgres } from "../../db/dialect";
import { escapeLike, likeInsensitive } from "../../db/like";
import { conversationPeople } from "../rooms/queries";
import { DOCS_PER_MS, docBase } from "./index-messages";
import { buildSnippet } from "./snippet";

/** A checked search (the protocol's SearchQuery after parsing). */
export interface MessageSearch {
  q: string;
  roomId?: string;
  from?: string;
  after?: string;
  before?: string;
  /** Only messages with attachments. */
  hasFile?: boolean;
  cursor?: SearchCursorValue;
  limit: number;
}

/** The runs of letters and digits in a term: what the word indexes hold. */
const wordsOf = (term: string) => term.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Messages matching every term, newest first, from the rooms the user is a member of NOW —
 * as in Slack, search covers my rooms: not public channels I never joined, and not a room I
 * left or was kicked or banned from (the membership row is gone, so are its results).
 *
 * Each term matches as a substring, ignoring case (and, on SQLite, accents): "deploy" finds
 * "redeployment", a piece of a URL finds the URL. A term of 3+ characters is looked up in
 * the index — the word index (whole words; on PostgreSQL word prefixes) or the trigram index
 * (anywhere) — and a shorter one, which trigrams cannot serve, is matched with LIKE on the
 * candidate rows; a search of only short terms therefore scans the messages of the user's
 * rooms.
 *
 * The index may lag the messages by a job; deleted messages are filtered here as well, so
 * one is never found even before its job has run.
 */
export async function searchMessages(
  db: Kysely<Database>,
  userId: string,
  search: MessageSearch,
): Promise<SearchResponse> {
  const terms = searchTerms(search.q);
  const indexed = terms.filter((t) => [...t].length >= SEARCH_TRIGRAM_MIN);
  const short = terms.filter((t) => [...t].length < SEARCH_TRIGRAM_MIN);
  const postgres = isPostgres(db);

  /** The matching messages, newest first; on SQLite only those whose doc is in [lo, hi). */
  const pageOf = (window: DocWindow | null, limit: number) => {
    // Messages are the outer loop: each candidate (a scan for short terms, the index's ids
    // otherwise) is then checked against the caller's membership and given its room and
    // author. SQLite never reorders the tables of a CROSS JOIN; left to choose, it judged by
    // the declared width of a messages row (wider since the thread columns) that walking
    // every author × every room of the caller through the (room_id, author_id) index beats a
    // scan — the same rows, read one random lookup at a time: 5 s instead of 0.5 s for a
    // short term on 1M messages (search-messages.test.ts holds the plan). PostgreSQL plans a
    // CROSS JOIN with its conditions in WHERE as the inner joins it is, in any order.
    let query = db
      .selectFrom("messages as m")
      .crossJoin("room_members as rm")
      .crossJoin("rooms as r")
      .crossJoin("users as u")
      .whereRef("rm.room_id", "=", "m.room_id")
      .where("rm.user_id", "=", userId)
      .whereRef("r.id", "=", "m.room_id")
      .whereRef("u.id", "=", "m.author_id")
      .select([
        "m.id",
        "m.room_id",
        "m.seq",
        "m.body",
        "m.created_at",
        "m.author_id",
        "u.display_name as author_name",
        "r.kind as room_kind",
        "r.name as room_name",
      ])
      .where("m.kind", "=", "message")
      .where("m.deleted_at", "is", null);
    if (indexed.length > 0)
      query = query.where(postgres ? postgresMatch(indexed) : sqliteMatch(indexed, window));
    for (const term of short)
      query = query.where(likeInsensitive(sql.ref("m.body"), `%${escapeLike(term)}%`));
    if (search.roomId) query = query.where("m.room_id", "=", search.roomId);
    if (search.from) query = query.where("m.author_id", "=", search.from);
    if (search.after) query = query.where("m.created_at", ">=", search.after);
    if (search.before) query = query.where("m.created_at", "<", search.before);
    if (search.hasFile) {
      query = query.where((eb) =>
        eb.exists(eb.selectFrom("attachments as a").select("a.id").whereRef("a.message_id", "=", "m.id")),
      );
    }
    const cursor = search.cursor;
    if (cursor) {
      query = query.where((eb) =>
        eb.or([
          eb("m.created_at", "<", cursor.createdAt),
          eb.and([eb("m.created_at", "=", cursor.createdAt), eb("m.id", "<", cursor.id)]),
        ]),
      );
    }
    return query.orderBy("m.created_at", "desc").orderBy("m.id", "desc").limit(limit).execute();
  };

  type Row = Awaited<ReturnType<typeof pageOf>>[number];
  let rows: Row[] = [];
  if (postgres || indexed.length === 0) {
    rows = await pageOf(null, search.limit + 1);
  } else {
    // SQLite: a common word matches a large part of the history, and sorting every match by
    // time would cost more the longer the history. Docs are numbered in time order, so the
    // newest stretch of the index is searched first — 4,096 docs, then twice as many each
    // time — until a page is full. Windows end on whole milliseconds, and time order inside
    // a window is exact, so the pages are exactly those of one big sorted query.
    let hi = search.cursor ? docBase(search.cursor.createdAt) + DOCS_PER_MS : Number.MAX_SAFE_INTEGER;
    const floor = search.after ? docBase(search.after) : 0;
    for (let span = 4_096; rows.length <= search.limit && hi > floor; span *= 2) {
      const lo = Math.max(floor, await windowStart(db, hi, span));
      rows = rows.concat(await pageOf({ lo, hi }, search.limit + 1 - rows.length));
      hi = lo;
    }
  }
  const page = rows.slice(0, search.limit);
  const people = await conversationPeople(
    db,
    [...new Set(page.filter((r) => r.room_kind !== "channel").map((r) => r.room_id))],
    userId,
  );
  const results = page.map(
    (r): SearchHit => ({
      messageId: r.id,
      room: { id: r.room_id, kind: r.room_kind, name: r.room_name, people: people.get(r.room_id) ?? [] },
      seq: Number(r.seq),
      author: { id: r.author_id, displayName: r.author_name },
      createdAt: r.created_at,
      snippet: buildSnippet(r.body, terms),
    }),
  );
  const last = page[page.length - 1];
  return {
    results,
    nextCursor:
      rows.length > search.limit && last
        ? encodeSearchCursor({ createdAt: last.created_at, id: last.id })
        : null,
  };
}

/** FTS5 query text for one phrase: quotes doubled, so user text is never query syntax. */
const ftsPhrase = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** A stretch of the SQLite index: docs from `lo` (included) to `hi` (excluded). */
interface DocWindow {
  lo: number;
  hi: number;
}

/**
 * Where the window of the `span` newest docs below `hi` starts, moved down to a whole
 * millisecond (so no millisecond is split between two windows); 0 when fewer are left.
 */
async function windowStart(db: Kysely<Database>, hi: number, span: number): Promise<number> {
  const found = await sql<{ doc: number }>`select doc from search_docs where doc < ${hi}
    order by doc desc limit 1 offset ${span}`.execute(db);
  const doc = found.rows[0]?.doc;
  return doc === undefined ? 0 : Math.floor(Number(doc) / DOCS_PER_MS) * DOCS_PER_MS;
}

/**
 * SQLite: every term is in the word index (as whole words: a prefix or any other part of a
 * word is found by the trigrams, and an exact term reads far less of a common word's index
 * than a prefix query would) or in the trigram index.
 */
function sqliteMatch(terms: readonly string[], window: DocWindow | null): Expression<SqlBool> {
  const within = window ? sql` and rowid >= ${window.lo} and rowid < ${window.hi}` : sql``;
  const perTerm = terms.map((term) => {
    const words = wordsOf(term);
    const trigram = sql`select rowid from search_trigrams where search_trigrams match ${ftsPhrase(term)}${within}`;
    // "foo-bar" in the word index is the phrase "foo" + "bar": those words in a row.
    const docs =
      words.length > 0
        ? sql`select rowid from search_words where search_words match ${words.map(ftsPhrase).join(" + ")}${within}
              union ${trigram}`
        : trigram;
    return sql`d.doc in (${docs})`;
  });
  return sql<SqlBool>`m.id in (select d.message_id from search_docs d where ${sql.join(perTerm, sql` and `)})`;
}

/** PostgreSQL: every term is in the tsvector (as a word prefix) or a substring (pg_trgm). */
function postgresMatch(terms: readonly string[]): Expression<SqlBool> {
  const perTerm = terms.map((term) => {
    const words = wordsOf(term);
    // Backslash is PostgreSQL's default LIKE escape, the one escapeLike writes.
    const substring = sql`d.body ilike ${`%${escapeLike(term)}%`}`;
    if (words.length === 0) return substring;
    const tsquery = `${words.map((w) => `'${w}'`).join(" <-> ")}:*`;
    return sql`(d.words @@ to_tsquery('simple', ${tsquery}) or ${substring})`;
  });
  return sql<SqlBool>`m.id in (select d.message_id from search_docs d where ${sql.join(perTerm, sql` and `)})`;
}
