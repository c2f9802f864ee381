import type { Database } from "@parley/db";
import { EXCERPT_LENGTH, excerpt, type Notification } from "@parley/protocol";
import type { Kysely } from "kysely";
import { paddedIn } from "../../db/statement-shapes";
import { conversationMembers } from "../rooms/queries";

function selectNotifications(db: Kysely<Database>) {
  return db
    .selectFrom("notifications as n")
    .innerJoin("rooms", "rooms.id", "n.room_id")
    .innerJoin("users as author", "author.id", "n.author_id")
    .leftJoin("messages", "messages.id", "n.message_id")
    .select([
      "n.id",
      "n.user_id",
      "n.kind",
      "n.room_id",
      "n.message_id",
      "n.seq",
      "n.created_at",
      "n.read_at",
      "rooms.kind as room_kind",
      "rooms.name as room_name",
      "author.id as author_id",
      "author.display_name as author_name",
      "messages.body",
      "messages.deleted_at",
      "messages.thread_root_id",
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectNotifications>["execute"]>>[number];

/** The entries as their owners see them (a conversation is named by its other people). */
async function toNotifications(db: Kysely<Database>, rows: Row[]): Promise<Notification[]> {
  const conversations = [...new Set(rows.filter((r) => r.room_kind !== "channel").map((r) => r.room_id))];
  const members = await conversationMembers(db, conversations);
  const othersThan = (roomId: string, userId: string) =>
    (members.get(roomId) ?? []).filter((p) => p.id !== userId);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    room: { id: r.room_id, kind: r.room_kind, name: r.room_name, people: othersThan(r.room_id, r.user_id) },
    messageId: r.message_id,
    seq: Number(r.seq),
    author: { id: r.author_id, displayName: r.author_name },
    excerpt: r.deleted_at === null && r.body !== null ? excerpt(r.body, EXCERPT_LENGTH) : "",
    deleted: r.deleted_at !== null || r.body === null,
    createdAt: r.created_at,
    read: r.read_at !== null,
    threadRootId: r.thread_root_id ?? null,
  }));
}

/** My inbox, newest first, a page at a time (before: the id of the last one already shown). */
export async function listNotifications(
  db: Kysely<Database>,
  userId: string,
  before: string | undefined,
  limit: number,
): Promise<{ notifications: Notification[]; hasMore: boolean; unreadCount: number }> {
  let query = selectNotifications(db).where("n.user_id", "=", userId);
  if (before) {
    const cursor = await db
      .selectFrom("notifications")
      .select(["created_at", "seq", "id"])
      .where("id", "=", before)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    // Several notifications can share a timestamp (one job writes a batch of messages' entries):
    // within one, the later message first (seq), then by id so the order is total.
    if (cursor)
      query = query.where((eb) =>
        eb(
          eb.refTuple("n.created_at", "n.seq", "n.id"),
          "<",
          eb.tuple(cursor.created_at, cursor.seq, cursor.id),
        ),
      );
  }
  const rows = await query
    .orderBy("n.created_at", "desc")
    .orderBy("n.seq", "desc")
    .orderBy("n.id", "desc")
    .limit(limit + 1)
    .execute();
  const unread = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return {
    notifications: await toNotifications(db, rows.slice(0, limit)),
    hasMore: rows.length > limit,
    unreadCount: Number(unread.n),
  };
}

/** Entries by id, whoever's they are, with their owner (for the live frames after a write). */
export async function notificationsByIds(
  db: Kysely<Database>,
  ids: string[],
): Promise<Array<{ userId: string; notification: Notification }>> {
  if (ids.length === 0) return [];
  // Oldest first: a device puts each new entry on top of its inbox.
  const rows = await selectNotifications(db)
    .where("n.id", "in", paddedIn(ids))
    .orderBy("n.created_at")
    .orderBy("n.seq")
    .orderBy("n.id")
    .execute();
  const notifications = await toNotifications(db, rows);
  return rows.map((r, i) => ({ userId: r.user_id, notification: notifications[i] as Notification }));
}
