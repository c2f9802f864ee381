import { MarkNotificationsReadRequest, type ThreadFollowState } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { userTopic } from "../../realtime/bus";
import { loadRoot, threadState } from "./queries";

/**
 * Moves my read pointer in a thread I follow forward to `seq` (clamped to the thread's newest
 * reply), and marks my inbox entries for its replies up to there read — every device of mine
 * hears that (`notifications.read`), so the inbox and the Threads view agree everywhere. Reading
 * a thread I do not follow records nothing (a row would stop its author from following it
 * automatically later). A stale or repeated call changes nothing. The caller checked membership.
 */
export async function markThreadRead(
  ctx: Pick<AppContext, "db" | "bus">,
  userId: string,
  roomId: string,
  rootId: string,
  seq: number,
): Promise<ThreadFollowState> {
  return runAction(ctx, async ({ tx, publish }) => {
    const root = await loadRoot(tx, roomId, rootId);
    const upTo = Math.min(seq, root.thread?.lastReplySeq ?? 0);
    const moved = await tx
      .updateTable("thread_follows")
      .set({ read_seq: upTo })
      .where("root_id", "=", rootId)
      .where("user_id", "=", userId)
      .where("read_seq", "<", upTo)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) > 0) {
      const entries = await tx
        .selectFrom("notifications")
        .innerJoin("messages", "messages.id", "notifications.message_id")
        .select("notifications.id")
        .where("notifications.user_id", "=", userId)
        .where("notifications.room_id", "=", roomId)
        .where("notifications.kind", "=", "thread")
        .where("notifications.read_at", "is", null)
        .where("notifications.seq", "<=", upTo)
        .where("messages.thread_root_id", "=", rootId)
        .execute();
      const ids = entries.map((e) => e.id);
      if (ids.length > 0) {
        await tx
          .updateTable("notifications")
          .set({ read_at: new Date().toISOString() })
          .where("id", "in", ids)
          .execute();
        const unread = await tx
          .selectFrom("notifications")
          .select((eb) => eb.fn.countAll<string | number>().as("n"))
          .where("user_id", "=", userId)
          .where("read_at", "is", null)
          .executeTakeFirstOrThrow();
        // The frame names at most a page of ids; a longer run is sent in pages.
        const PAGE = 200;
        for (let i = 0; i < ids.length; i += PAGE) {
          const read = MarkNotificationsReadRequest.parse({ ids: ids.slice(i, i + PAGE) });
          publish(userTopic(userId), { type: "notifications.read", read, unreadCount: Number(unread.n) });
        }
      }
    }
    return threadState(tx, userId, roomId, rootId);
  });
}
