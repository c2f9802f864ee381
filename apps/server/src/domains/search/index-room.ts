import { z } from "zod";
import { defineJob, type JobContext } from "../../jobs/define-job";
import { indexMessages } from "./index-messages";

/**
 * Messages indexed per transaction. On SQLite indexing runs on the event loop (the driver is
 * synchronous): small chunks with a yield between them keep sends and fan-out flowing while a
 * busy window is indexed.
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
  const rooms = await ctx.db
    .selectFrom("rooms")
    .select("id")
    .whereRef("indexed_seq", "<", "last_seq")
    .execute();
  for (const room of rooms) {
    await indexRoom(ctx, room.id);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await ctx.db
    .deleteFrom("jobs")
    .where("kind", "=", INDEX_JOB_ID)
    .where("status", "=", "done")
    .where("run_after", "<", new Date(Date.now() - 10 * windowMs).toISOString())
    .execute();
}

const INDEX_JOB_ID = "index-new-messages";

/**
 * Indexes a room's log from where the index left it (`rooms.indexed_seq`) to its newest entry,
 * in chunks, moving the watermark after each. Deletions and edits of earlier messages have
 * their own `index-messages` jobs; here every entry is read as it is now, so a message deleted
 * or edited before it was indexed is indexed as it now is. Idempotent: indexing a message again
 * replaces its entry, and the watermark only moves forward.
 */
export async function indexRoom(ctx: Pick<JobContext, "db">, roomId: string): Promise<void> {
  for (;;) {
    const room = await ctx.db
      .selectFrom("rooms")
      .select("indexed_seq")
      .where("id", "=", roomId)
      .executeTakeFirst();
    if (!room) return;
    const from = Number(room.indexed_seq);
    const entries = await ctx.db
      .selectFrom("messages")
      .select(["id", "seq", "kind"])
      .where("room_id", "=", roomId)
      .where("seq", ">", from)
      .orderBy("seq")
      .limit(CHUNK)
      .execute();
    if (entries.length === 0) return;
    await indexMessages(
      ctx,
      entries.filter((e) => e.kind === "message").map((e) => e.id),
    );
    const upTo = Number(entries.at(-1)?.seq ?? from);
    await ctx.db
      .updateTable("rooms")
      .set({ indexed_seq: upTo })
      .where("id", "=", roomId)
      .where("indexed_seq", "<", upTo)
      .execute();
    if (entries.length < CHUNK) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export const indexNewMessagesJob = defineJob({
  id: INDEX_JOB_ID,
  version: 1,
  payload: z.object({}),
  handle: (ctx) => indexNewMessages(ctx),
});
