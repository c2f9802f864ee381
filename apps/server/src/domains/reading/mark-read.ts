import type { ReadState } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { roomTopic, userTopic } from "../../realtime/bus";
import { roomShowsReceipts } from "./read-receipts";
import { readStates } from "./read-states";

/**
 * Moves my read pointer in a room forward to `seq` (clamped to the room's newest entry: nobody
 * reads the future) and marks the inbox entries up to there read. Every device of mine hears
 * the new state, so a room read on the phone stops counting as unread on the laptop; where the
 * room shows read receipts, its members hear how far I have read. A stale or repeated call
 * changes nothing and tells nobody. The caller has checked membership.
 */
export async function markRead(
  ctx: Pick<AppContext, "db" | "bus">,
  userId: string,
  roomId: string,
  seq: number,
): Promise<ReadState> {
  return runAction(ctx, async ({ tx, publish }) => {
    const room = await tx.selectFrom("rooms").select("last_seq").where("id", "=", roomId).executeTakeFirst();
    const upTo = Math.min(seq, Number(room?.last_seq ?? 0));
    const moved = await tx
      .updateTable("room_members")
      .set({ read_seq: upTo })
      .where("room_id", "=", roomId)
      .where("user_id", "=", userId)
      .where("read_seq", "<", upTo)
      .executeTakeFirst();
    const [state] = await readStates(tx, userId, [roomId]);
    const read = state ?? { roomId, readSeq: 0, lastSeq: upTo, unreadCount: 0, mentionCount: 0 };
    if (Number(moved.numUpdatedRows) > 0) {
      await tx
        .updateTable("notifications")
        .set({ read_at: new Date().toISOString() })
        .where("user_id", "=", userId)
        .where("room_id", "=", roomId)
        .where("seq", "<=", upTo)
        .where("read_at", "is", null)
        // A thread's entries are read in the thread (its own read pointer), not with the room.
        .where("kind", "<>", "thread")
        .execute();
      publish(userTopic(userId), { type: "read.updated", read });
      if (await roomShowsReceipts(tx, roomId)) {
        publish(roomTopic(roomId), { type: "receipt.read", roomId, receipt: { userId, readSeq: upTo } });
      }
    }
    return read;
  });
}

/** "Mark all as read": every room of mine, up to its newest entry. */
export async function markAllRead(ctx: Pick<AppContext, "db" | "bus">, userId: string): Promise<ReadState[]> {
  const rooms = await ctx.db
    .selectFrom("room_members")
    .innerJoin("rooms", "rooms.id", "room_members.room_id")
    .select(["rooms.id", "rooms.last_seq"])
    .where("room_members.user_id", "=", userId)
    .whereRef("room_members.read_seq", "<", "rooms.last_seq")
    .execute();
  const states: ReadState[] = [];
  for (const room of rooms) states.push(await markRead(ctx, userId, room.id, Number(room.last_seq)));
  return states;
}
