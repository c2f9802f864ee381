import type { Database } from "@parley/db";
import type { ReadState } from "@parley/protocol";
import type { Kysely } from "kysely";

/**
 * Unread counts look back at most this many log entries: the count stays cheap in a huge room
 * (an index range of bounded length), and nobody needs "4,213 unread" rather than "99+".
 */
const UNREAD_WINDOW = 1000;

/**
 * My read state in each of my rooms (or those given): the read pointer, the messages by others
 * after it (not deleted), and the unread mentions of me. Counted per room through the
 * (room_id, seq) and (user_id, room_id, seq) indexes.
 */
export async function readStates(
  db: Kysely<Database>,
  userId: string,
  roomIds?: readonly string[],
): Promise<ReadState[]> {
  if (roomIds && roomIds.length === 0) return [];
  let query = db
    .selectFrom("room_members as me")
    .innerJoin("rooms", "rooms.id", "me.room_id")
    .select((eb) => [
      "me.room_id",
      "me.read_seq",
      "rooms.last_seq",
      eb
        .selectFrom("messages")
        .select(eb.fn.countAll<string | number>().as("n"))
        .whereRef("messages.room_id", "=", "me.room_id")
        .whereRef("messages.seq", ">", "me.read_seq")
        .where("messages.seq", ">", eb("rooms.last_seq", "-", UNREAD_WINDOW))
        .where("messages.kind", "=", "message")
        .where("messages.deleted_at", "is", null)
        // Thread replies count in their thread (for its followers), never as room unread.
        .where("messages.thread_root_id", "is", null)
        .where("messages.author_id", "<>", userId)
        .as("unread"),
      eb
        .selectFrom("notifications")
        .select(eb.fn.countAll<string | number>().as("n"))
        .where("notifications.user_id", "=", userId)
        .whereRef("notifications.room_id", "=", "me.room_id")
        .whereRef("notifications.seq", ">", "me.read_seq")
        .where("notifications.kind", "not in", ["dm", "thread"])
        .where("notifications.read_at", "is", null)
        .as("mentions"),
    ])
    .where("me.user_id", "=", userId);
  if (roomIds) query = query.where("me.room_id", "in", roomIds);
  const rows = await query.execute();
  return rows.map((r) => ({
    roomId: r.room_id,
    readSeq: Number(r.read_seq),
    lastSeq: Number(r.last_seq),
    unreadCount: Number(r.unread ?? 0),
    mentionCount: Number(r.mentions ?? 0),
  }));
}
