import type { Database } from "@parley/db";
import { addReplyToSummary, type Message } from "@parley/protocol";
import type { Transaction } from "kysely";
import type { ActionTx } from "../../db/run-action";
import { notifyThreadReplyJob } from "./notify-thread-reply";
import { parseRepliers } from "./repliers";

/**
 * The side effects of thread replies just stored, inside the storing transaction (which holds
 * each room's lock, so two batches never interleave their updates of one root):
 * - each root's summary gets its new replies, in seq order, by the same rule clients apply to
 *   replies arriving live (`addReplyToSummary`), so both agree;
 * - the root's author follows the thread (unless they unfollowed it before), and each replier
 *   follows it again, having read it up to their own reply;
 * - followers are notified by a job per reply (written with the reply: the outbox pattern).
 * `replies` are new messages (never duplicates), ascending by seq within each room.
 */
export async function recordThreadReplies(
  tx: Transaction<Database>,
  enqueue: ActionTx["enqueue"],
  replies: readonly Message[],
): Promise<void> {
  if (replies.length === 0) return;
  const rootIds = [...new Set(replies.map((r) => r.threadRootId ?? ""))];
  const roots = await tx
    .selectFrom("messages")
    .select([
      "id",
      "room_id",
      "author_id",
      "thread_reply_count",
      "thread_last_seq",
      "thread_last_at",
      "thread_repliers",
    ])
    .where("id", "in", rootIds)
    .execute();
  const now = replies[0]?.createdAt ?? new Date().toISOString();
  for (const root of roots) {
    let summary: Message["thread"] =
      Number(root.thread_reply_count) > 0 && root.thread_last_at
        ? {
            replyCount: Number(root.thread_reply_count),
            lastReplySeq: Number(root.thread_last_seq),
            lastReplyAt: root.thread_last_at,
            repliers: parseRepliers(root.thread_repliers),
          }
        : null;
    const mine = replies.filter((r) => r.threadRootId === root.id).sort((a, b) => a.seq - b.seq);
    for (const reply of mine) summary = addReplyToSummary(summary, reply);
    if (!summary) continue;
    await tx
      .updateTable("messages")
      .set({
        thread_reply_count: summary.replyCount,
        thread_last_seq: summary.lastReplySeq,
        thread_last_at: summary.lastReplyAt,
        thread_repliers: JSON.stringify(summary.repliers),
      })
      .where("id", "=", root.id)
      .execute();
    // The root's author follows from the first reply on, unless they said otherwise earlier.
    await tx
      .insertInto("thread_follows")
      .values({ root_id: root.id, user_id: root.author_id, room_id: root.room_id, created_at: now })
      .onConflict((oc) => oc.columns(["root_id", "user_id"]).doNothing())
      .execute();
    // Taking part follows (again) and reads the thread up to one's own newest reply.
    const newestByAuthor = new Map<string, number>();
    for (const reply of mine) newestByAuthor.set(reply.author.id, reply.seq);
    for (const [userId, seq] of newestByAuthor) {
      await tx
        .insertInto("thread_follows")
        .values({ root_id: root.id, user_id: userId, room_id: root.room_id, read_seq: seq, created_at: now })
        .onConflict((oc) =>
          oc.columns(["root_id", "user_id"]).doUpdateSet((eb) => ({
            following: 1,
            read_seq: eb.ref("excluded.read_seq"),
          })),
        )
        .execute();
    }
  }
  for (const reply of replies) {
    await enqueue(notifyThreadReplyJob, { messageId: reply.id }, { key: `thread:${reply.id}` });
  }
}
