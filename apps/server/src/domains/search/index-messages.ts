import type { Database } from "@parley/db";
import { type Kysely, sql } from "kysely";
import { z } from "zod";
import { isPostgres } from "../../db/dialect";
import { defineJob, type JobContext } from "../../jobs/define-job";

/**
 * Brings the search index in line with these messages as they are NOW: a live message's text
 * is (re)indexed, a deleted one — or one that no longer exists — leaves the index. It reads
 * the current row rather than trusting what the job was written with, so re-running it
 * (after a crash, a lease that ran out) gives the same index, and an edit needs only to
 * enqueue the same job.
 */
export async function indexMessages(
  ctx: Pick<JobContext, "db">,
  messageIds: readonly string[],
): Promise<void> {
  if (messageIds.length === 0) return;
  await ctx.db.transaction().execute((tx) => indexMessagesIn(tx, messageIds));
}

/**
 * The same, inside the caller's transaction. Set-based: a handful of statements per chunk of
 * messages, not five per message — each statement costs a compile and a call (on PostgreSQL a
 * round trip) while the transaction holds the connection that sends are waiting for.
 */
export async function indexMessagesIn(tx: Kysely<Database>, messageIds: readonly string[]): Promise<void> {
  const ids = [...new Set(messageIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await tx
      .selectFrom("messages")
      .select(["id", "body", "kind", "deleted_at", "created_at"])
      .where("id", "in", chunk)
      .execute();
    await indexRowsIn(tx, chunk, rows);
  }
}

/** A message row as the index reads it. */
export interface IndexedRow {
  id: string;
  body: string;
  kind: string;
  deleted_at: string | null;
  created_at: string;
}

/**
 * The same, for messages whose current rows the caller read in this transaction (the indexer
 * of new messages reads them with the log it walks): `ids` are the messages to bring in line,
 * `rows` those of them that exist, at most CHUNK.
 */
export async function indexRowsIn(
  tx: Kysely<Database>,
  ids: readonly string[],
  rows: readonly IndexedRow[],
): Promise<void> {
  if (ids.length === 0) return;
  const live = new Map(
    rows.filter((r) => r.kind === "message" && r.deleted_at === null && r.body !== "").map((r) => [r.id, r]),
  );
  if (isPostgres(tx)) await indexPostgres(tx, ids, live);
  else await indexSqlite(tx, ids, live);
}

/** Messages per statement: two parameters a row stays far below both databases' limits. */
const CHUNK = 500;

/** Docs per millisecond: a doc is `created_at in ms × DOCS_PER_MS + its place in that ms`. */
export const DOCS_PER_MS = 1024;

/** The first doc number of a message time (see the search migration: doc order is time order). */
export function docBase(createdAt: string): number {
  return Date.parse(createdAt) * DOCS_PER_MS;
}

type LiveMessages = ReadonlyMap<string, { body: string; created_at: string }>;

/** The FTS5 tables are contentless: a document's terms are removed by its rowid. */
async function indexSqlite(tx: Kysely<Database>, ids: readonly string[], live: LiveMessages): Promise<void> {
  const existing = await sql<{ doc: number; message_id: string }>`select doc, message_id from search_docs
    where message_id in (${sql.join(ids)})`.execute(tx);
  const docOf = new Map(existing.rows.map((r) => [r.message_id, Number(r.doc)]));
  if (docOf.size > 0) {
    const docs = sql.join([...docOf.values()]);
    await sql`delete from search_words where rowid in (${docs})`.execute(tx);
    await sql`delete from search_trigrams where rowid in (${docs})`.execute(tx);
    const gone = [...docOf].filter(([id]) => !live.has(id)).map(([, doc]) => doc);
    if (gone.length > 0) await sql`delete from search_docs where doc in (${sql.join(gone)})`.execute(tx);
  }
  const fresh: Array<[number, string]> = [];
  /** The next free doc number of each millisecond met in this chunk. */
  const nextOf = new Map<number, number>();
  const entries: Array<{ doc: number; body: string }> = [];
  for (const id of ids) {
    const message = live.get(id);
    if (!message) continue;
    let doc = docOf.get(id);
    if (doc === undefined) {
      // The next free number of its millisecond (a batch shares one created_at). Past 1,024
      // messages in one ms it spills into the next ms's numbers: only their order is approximate.
      const base = docBase(message.created_at);
      let next = nextOf.get(base);
      if (next === undefined) {
        const taken = await sql<{ last: number | null }>`select max(doc) as last from search_docs
          where doc >= ${base} and doc < ${base + DOCS_PER_MS}`.execute(tx);
        const last = taken.rows[0]?.last;
        next = last === null || last === undefined ? base : Number(last) + 1;
      }
      doc = next;
      nextOf.set(base, next + 1);
      fresh.push([doc, id]);
    }
    entries.push({ doc, body: message.body });
  }
  if (fresh.length > 0) {
    await sql`insert into search_docs (doc, message_id)
      values ${sql.join(fresh.map(([doc, id]) => sql`(${doc}, ${id})`))}`.execute(tx);
  }
  if (entries.length > 0) {
    const values = sql.join(entries.map((e) => sql`(${e.doc}, ${e.body})`));
    await sql`insert into search_words (rowid, body) values ${values}`.execute(tx);
    await sql`insert into search_trigrams (rowid, body) values ${values}`.execute(tx);
  }
}

async function indexPostgres(
  tx: Kysely<Database>,
  ids: readonly string[],
  live: LiveMessages,
): Promise<void> {
  const gone = ids.filter((id) => !live.has(id));
  if (gone.length > 0) await tx.deleteFrom("search_docs").where("message_id", "in", gone).execute();
  if (live.size === 0) return;
  const values = sql.join(
    [...live].map(([id, m]) => sql`(${id}, to_tsvector('simple', ${m.body}), ${m.body})`),
  );
  await sql`insert into search_docs (message_id, words, body) values ${values}
    on conflict (message_id) do update set words = excluded.words, body = excluded.body`.execute(tx);
}

/** Most messages one job carries: a stored batch is at most the send pipeline's 500. */
const MAX_IDS = 1_000;

/**
 * Enqueued in the transaction that stores a batch of messages (one job per batch) or deletes
 * one (and, later, edits one).
 */
export const indexMessagesJob = defineJob({
  id: "index-messages",
  version: 1,
  payload: z.object({ messageIds: z.array(z.string().uuid()).min(1).max(MAX_IDS) }),
  handle: (ctx, { messageIds }) => indexMessages(ctx, messageIds),
});
