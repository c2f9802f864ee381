import type { Database } from "@parley/db";
import { EXCERPT_LENGTH, excerpt, type Notification } from "@parley/protocol";
import type { Kysely } from "kysely";
import { conversationPeople } from "../rooms/queries";

function selectNotifications(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom("notifications as n")
    .innerJoin("rooms", "rooms.id", "n.room_id")
    .innerJoin("users as author", "author.id", "n.author_id")
    .leftJoin("messages", "messages.id", "n.message_id")
    .select([
      "n.id",
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
    ])
    .where("n.user_id", "=", userId);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectNotifications>["execute"]>>[number];

async function toNotifications(db: Kysely<Database>, userId: string, rows: Row[]): Promise<Notification[]> {
  const conversations = [...new Set(rows.filter((r) => r.room_kind !== "channel").map((r) => r.room_id))];
  const people = await conversationPeople(db, conversations, userId);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    room: { id: r.room_id, kind: r.room_kind, name: r.room_name, people: people.get(r.room_id) ?? [] },
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
  let query = selectNotifications(db, userId);
  if (before) {
    const cursor = await db
      .selectFrom("notifications")
      .select(["created_at", "id"])
      .where("id", "=", before)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    // Several notifications can share a timestamp (one batch of messages): order by id too.
    if (cursor)
      query = query.where((eb) =>
        eb.or([
          eb("n.created_at", "<", cursor.created_at),
          eb.and([eb("n.created_at", "=", cursor.created_at), eb("n.id", "<", cursor.id)]),
        ]),
      );
  }
  const rows = await query
    .orderBy("n.created_at", "desc")
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
    notifications: await toNotifications(db, userId, rows.slice(0, limit)),
    hasMore: rows.length > limit,
    unreadCount: Number(unread.n),
  };
}

/** Some notifications of mine, by id (for the live frame after they are written). */
export async function notificationsByIds(
  db: Kysely<Database>,
  userId: string,
  ids: string[],
): Promise<Notification[]> {
  if (ids.length === 0) return [];
  const rows = await selectNotifications(db, userId).where("n.id", "in", ids).execute();
  return toNotifications(db, userId, rows);
}
