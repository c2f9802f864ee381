import type { Database } from "@parley/db";
import type { Insertable } from "kysely";
import { runAction } from "../../db/run-action";
import { powerOfTwoChunks } from "../../db/statement-shapes";
import type { JobContext } from "../../jobs/define-job";
import { userTopic } from "../../realtime/bus";
import { notificationsByIds } from "./queries";

/** Entries per INSERT (a power of two: few statement shapes, see statement-shapes.ts). */
const ROWS_PER_INSERT = 256;

/**
 * Stores inbox entries and tells each recipient's devices (`notification.new`). One entry per
 * person per message: a re-run of the job that wrote them (after a crash) writes and
 * announces nothing twice. Returns the entries actually written now.
 */
export async function writeNotifications(
  ctx: Pick<JobContext, "db" | "bus">,
  rows: ReadonlyArray<Insertable<Database["notifications"]>>,
): Promise<Array<{ id: string; user_id: string }>> {
  if (rows.length === 0) return [];
  // An action: on SQLite the entries written by a round of jobs share one commit, and the
  // devices hear of them only after it.
  return runAction(ctx, async ({ tx, publish }) => {
    const written: Array<{ id: string; user_id: string }> = [];
    // In chunks: a merged round of jobs can write thousands of entries, and a statement holds
    // at most 32,766 parameters on SQLite (65,535 on PostgreSQL); 9 a row.
    for (const chunk of powerOfTwoChunks(rows, ROWS_PER_INSERT)) {
      const inserted = await tx
        .insertInto("notifications")
        .values(chunk)
        .onConflict((oc) => oc.columns(["user_id", "message_id"]).doNothing())
        .returning(["id", "user_id"])
        .execute();
      written.push(...inserted);
      const announced = await notificationsByIds(
        tx,
        inserted.map((w) => w.id),
      );
      for (const { userId, notification } of announced) {
        publish(userTopic(userId), { type: "notification.new", notification });
      }
    }
    return written;
  });
}
