import type { ThreadFollowState } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { loadRoot, threadState } from "./queries";

/**
 * Follows or unfollows a thread. Following one I never took part in starts with everything in
 * it read (only later replies count as unread, as in Slack). An unfollow is remembered, so the
 * root's author is not made to follow again by the next reply; replying follows again. The
 * caller has checked that I am a member of the room.
 */
export async function followThread(
  ctx: Pick<AppContext, "db" | "bus">,
  userId: string,
  roomId: string,
  rootId: string,
  following: boolean,
): Promise<ThreadFollowState> {
  return runAction(ctx, async ({ tx }) => {
    const root = await loadRoot(tx, roomId, rootId);
    await tx
      .insertInto("thread_follows")
      .values({
        root_id: rootId,
        user_id: userId,
        room_id: roomId,
        following: following ? 1 : 0,
        read_seq: root.thread?.lastReplySeq ?? 0,
        created_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.columns(["root_id", "user_id"]).doUpdateSet({ following: following ? 1 : 0 }))
      .execute();
    return threadState(tx, userId, roomId, rootId);
  });
}
