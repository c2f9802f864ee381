import type { Database } from "@parley/db";
import type { Kysely } from "kysely";
import { z } from "zod";
import { integerById } from "../../db/integer-by-id";
import { defineJob, type JobContext } from "../../jobs/define-job";
import { indexRowsIn } from "./index-messages";

/**
 * Log entries read per transaction, across rooms. Indexing holds the database connection that
 * sends wait for (on SQLite, the one connection, run synchronously on the event loop), so a busy
 * window is indexed in rounds of this many entries with a turn of the event loop between them.
 * One transaction per round, not one per room: each commit writes the WAL and waits for a sync.
 */
const CHUNK = 100;

/**
 * New messages are indexed by one job per window of this many ms, not per stored batch: each
 * job costs the worker a few small transactions (claim, run, finish), each a disk sync, and a
 * busy server stores hundreds of batches a second in as many rooms. A message becomes
 * searchable within about two windows.
 */
export const INDEX_WINDOW_MS = 1_000;

/**
 * The job that covers a message stored now: one per window (its key), due when the window has
 * closed plus the same again as a grace for transactions still committing, so it finds every
 * message of the window. A later window's job catches up anything it still missed.
 */
export function indexWindow(now: number, windowMs = INDEX_WINDOW_MS) {
  const bucket = Math.floor(now / windowMs);
  return { key: String(bucket), runAfter: new Date((bucket + 2) * windowMs) };
}

/**
 * Indexes every room whose log has entries the index has not read yet. Then forgets this
 * kind's finished jobs of past windows: a window's key only has to stay taken while sends of
 * that window may still enqueue it, and a busy server makes one such job every second.
 */
export async function indexNewMessages(
  ctx: Pick<JobContext, "db">,
  windowMs = INDEX_WINDOW_MS,
): Promise<void> {
  while (await indexSomeRooms(ctx.db)) await new Promise((resolve) => setImmediate(resolve));
  await ctx.db
    .deleteFrom("jobs")
    .where("kind", "=", INDEX_JOB_ID)
    .where("status", "=", "done")
    .where("run_after", "<", new Date(Date.now() - 10 * windowMs).toISOString())
    .execute();
}

const INDEX_JOB_ID = "index-new-messages";

/**
 * One round: the next entries (up to CHUNK) of the logs the index has not read to the end
 * (`rooms.indexed_seq` behind `last_seq`), indexed in one transaction that also moves each
 * room's watermark to the last entry read. True if it found any. Deletions and edits of earlier
 * messages have their own `index-messages` jobs; here every entry is read as it is now, so a
 * message deleted or edited before it was indexed is indexed as it now is. Idempotent: indexing
 * a message again replaces its entry, and a watermark only moves forward.
 */
export async function indexSomeRooms(db: Kysely<Database>): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    // Ordered by room then seq, so the rows of a room cut off by the limit are a prefix of
    // what it has to index: its watermark moves to the last one read, and the rest is next.
    // A CROSS JOIN keeps SQLite's loop order as written: the rooms (few) outside, each one's
    // unread entries found by the (room_id, seq) index inside. As an inner join it scanned
    // the whole messages index instead.
    const entries = await tx
      .selectFrom("rooms as r")
      .crossJoin("messages as m")
      .select(["m.id", "m.room_id", "m.seq", "m.kind", "m.body", "m.deleted_at", "m.created_at"])
      .whereRef("m.room_id", "=", "r.id")
      .whereRef("r.indexed_seq", "<", "r.last_seq")
      .whereRef("m.seq", ">", "r.indexed_seq")
      .orderBy("r.id")
      .orderBy("m.seq")
      .limit(CHUNK)
      .execute();
    if (entries.length === 0) return false;
    // Read with the log: only messages are indexed (events have no text of their own).
    const messages = entries.filter((e) => e.kind === "message");
    await indexRowsIn(
      tx,
      messages.map((e) => e.id),
      messages,
    );
    const upTo = new Map<string, number>();
    for (const e of entries) upTo.set(e.room_id, Number(e.seq));
    const mark = integerById(upTo);
    await tx
      .updateTable("rooms")
      .set({ indexed_seq: mark })
      .where("id", "in", [...upTo.keys()])
      .where("indexed_seq", "<", mark)
      .execute();
    return true;
  });
}

export const indexNewMessagesJob = defineJob({
  id: INDEX_JOB_ID,
  version: 1,
  payload: z.object({}),
  handle: (ctx) => indexNewMessages(ctx),
});
