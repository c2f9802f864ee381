import type { Database } from "@parley/db";
import { type Kysely, sql } from "kysely";
import { z } from "zod";
import { defineJob, type JobContext } from "../../jobs/define-job";
import { isPostgres } from "./dialect";

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
  const postgres = isPostgres(ctx.db);
  await ctx.db.transaction().execute(async (tx) => {
    const rows = await tx
      .selectFrom("messages")
      .select(["id", "body", "kind", "deleted_at", "created_at"])
      .where("id", "in", [...messageIds])
      .execute();
    const live = new Map(
      rows
        .filter((r) => r.kind === "message" && r.deleted_at === null && r.body !== "")
        .map((r) => [r.id, r]),
    );
    for (const id of new Set(messageIds)) {
      const row = live.get(id);
      if (postgres) await indexPostgres(tx, id, row?.body);
      else await indexSqlite(tx, id, row);
    }
  });
}

/** Docs per millisecond: a doc is `created_at in ms × DOCS_PER_MS + its place in that ms`. */
export const DOCS_PER_MS = 1024;

/** The first doc number of a message time (see the search migration: doc order is time order). */
export function docBase(createdAt: string): number {
  return Date.parse(createdAt) * DOCS_PER_MS;
}

/** The FTS5 tables are contentless: a document's terms are removed by its rowid. */
async function indexSqlite(
  tx: Kysely<Database>,
  messageId: string,
  message: { body: string; created_at: string } | undefined,
): Promise<void> {
  const existing = await sql<{
    doc: number;
  }>`select doc from search_docs where message_id = ${messageId}`.execute(tx);
  let doc = existing.rows[0]?.doc;
  if (doc !== undefined) {
    await sql`delete from search_words where rowid = ${doc}`.execute(tx);
    await sql`delete from search_trigrams where rowid = ${doc}`.execute(tx);
  }
  if (message === undefined) {
    if (doc !== undefined) await sql`delete from search_docs where doc = ${doc}`.execute(tx);
    return;
  }
  if (doc === undefined) {
    // The next free number of its millisecond (a batch shares one created_at). Past 1,024
    // messages in one ms it spills into the next ms's numbers: only their order is approximate.
    const base = docBase(message.created_at);
    const taken = await sql<{ last: number | null }>`select max(doc) as last from search_docs
      where doc >= ${base} and doc < ${base + DOCS_PER_MS}`.execute(tx);
    const last = taken.rows[0]?.last;
    doc = last === null || last === undefined ? base : Number(last) + 1;
    await sql`insert into search_docs (doc, message_id) values (${doc}, ${messageId})`.execute(tx);
  }
  await sql`insert into search_words (rowid, body) values (${doc}, ${message.body})`.execute(tx);
  await sql`insert into search_trigrams (rowid, body) values (${doc}, ${message.body})`.execute(tx);
}

async function indexPostgres(
  tx: Kysely<Database>,
  messageId: string,
  body: string | undefined,
): Promise<void> {
  if (body === undefined) {
    await tx.deleteFrom("search_docs").where("message_id", "=", messageId).execute();
    return;
  }
  await sql`insert into search_docs (message_id, words, body)
    values (${messageId}, to_tsvector('simple', ${body}), ${body})
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
