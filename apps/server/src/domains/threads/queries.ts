import type { Database } from "@parley/db";
import {
  type Message,
  THREAD_PAGE_SIZE,
  THREADS_LIST_MAX,
  type ThreadFollowState,
  type ThreadListItem,
  type ThreadResponse,
} from "@parley/protocol";
import type { ExpressionBuilder, Kysely } from "kysely";
import { AppError } from "../../errors";
import { withAttachments } from "../attachments/queries";
import { selectMessages, toMessage } from "../messages/queries";
import { withReactions } from "../reactions/queries";

/**
 * A root message of this room, as it is now, or the typed error a thread route answers: no
 * such message here (404), or a thread reply, which has no thread of its own (422).
 */
export async function loadRoot(db: Kysely<Database>, roomId: string, rootId: string): Promise<Message> {
  const row = await selectMessages(db)
    .where("messages.id", "=", rootId)
    .where("messages.room_id", "=", roomId)
    .where("messages.kind", "=", "message")
    .executeTakeFirst();
  if (!row) throw new AppError("MESSAGE_NOT_FOUND", "No such message in this room");
  if (row.thread_root_id !== null) {
    throw new AppError("INVALID_THREAD_ROOT", "A reply in a thread has no thread of its own");
  }
  const [root] = await withReactions(db, await withAttachments(db, [toMessage(row)]));
  return root as Message;
}

/** Replies by others after a thread read pointer, not deleted (an index range per thread). */
function unreadReplies(
  eb: ExpressionBuilder<Database & { tf: Database["thread_follows"] }, "tf">,
  userId: string,
) {
  return eb
    .selectFrom("messages as r")
    .select(eb.fn.countAll<string | number>().as("n"))
    .whereRef("r.thread_root_id", "=", "tf.root_id")
    .whereRef("r.seq", ">", "tf.read_seq")
    .where("r.author_id", "<>", userId)
    .where("r.deleted_at", "is", null);
}

/** My relation to one thread (not following and nothing read when I never took part). */
export async function threadState(
  db: Kysely<Database>,
  userId: string,
  roomId: string,
  rootId: string,
): Promise<ThreadFollowState> {
  const row = await db
    .selectFrom("thread_follows as tf")
    .select((eb) => ["tf.following", "tf.read_seq", unreadReplies(eb, userId).as("unread")])
    .where("tf.root_id", "=", rootId)
    .where("tf.user_id", "=", userId)
    .executeTakeFirst();
  const following = Number(row?.following ?? 0) === 1;
  return {
    roomId,
    rootId,
    following,
    readSeq: Number(row?.read_seq ?? 0),
    unreadCount: following ? Number(row?.unread ?? 0) : 0,
  };
}

/**
 * A thread: its root and a page of replies (the newest, or those before `before`), each as it
 * is now, with my follow state. The caller has checked that I am a member of the room.
 */
export async function loadThread(
  db: Kysely<Database>,
  userId: string,
  roomId: string,
  rootId: string,
  before: number | undefined,
): Promise<ThreadResponse> {
  const root = await loadRoot(db, roomId, rootId);
  let query = selectMessages(db)
    .where("messages.thread_root_id", "=", rootId)
    .where("messages.room_id", "=", roomId);
  if (before !== undefined) query = query.where("messages.seq", "<", before);
  const rows = await query
    .orderBy("messages.seq", "desc")
    .limit(THREAD_PAGE_SIZE + 1)
    .execute();
  const replies = await withReactions(
    db,
    await withAttachments(db, rows.slice(0, THREAD_PAGE_SIZE).reverse().map(toMessage)),
  );
  return {
    root,
    replies,
    hasMore: rows.length > THREAD_PAGE_SIZE,
    state: await threadState(db, userId, roomId, rootId),
  };
}

/**
 * The threads I follow in rooms I am still a member of, that have replies: unread ones first,
 * then by newest reply; and how many have unread replies (the sidebar's badge). Each followed
 * thread costs one index range to count its unread replies.
 */
export async function listThreads(
  db: Kysely<Database>,
  userId: string,
): Promise<{ threads: ThreadListItem[]; unreadThreads: number }> {
  const rows = await db
    .selectFrom("thread_follows as tf")
    .innerJoin("room_members as me", (join) =>
      join.onRef("me.room_id", "=", "tf.room_id").onRef("me.user_id", "=", "tf.user_id"),
    )
    .innerJoin("rooms", "rooms.id", "tf.room_id")
    .innerJoin("messages as root", "root.id", "tf.root_id")
    .select((eb) => [
      "tf.root_id",
      "tf.room_id",
      "tf.read_seq",
      "rooms.kind as room_kind",
      "rooms.name as room_name",
      "root.thread_last_at",
      unreadReplies(eb, userId).as("unread"),
    ])
    .where("tf.user_id", "=", userId)
    .where("tf.following", "=", 1)
    .where("root.thread_reply_count", ">", 0)
    .execute();
  const unreadOf = (r: (typeof rows)[number]) => Number(r.unread ?? 0);
  rows.sort(
    (a, b) =>
      Number(unreadOf(b) > 0) - Number(unreadOf(a) > 0) ||
      (b.thread_last_at ?? "").localeCompare(a.thread_last_at ?? ""),
  );
  const shown = rows.slice(0, THREADS_LIST_MAX);
  const roots =
    shown.length === 0
      ? []
      : await selectMessages(db)
          .where(
            "messages.id",
            "in",
            shown.map((r) => r.root_id),
          )
          .execute();
  const byId = new Map(
    (await withReactions(db, await withAttachments(db, roots.map(toMessage)))).map((m) => [m.id, m]),
  );
  const threads = shown.flatMap((r) => {
    const root = byId.get(r.root_id);
    if (!root) return [];
    return [
      {
        room: { id: r.room_id, kind: r.room_kind, name: r.room_name },
        root,
        state: {
          roomId: r.room_id,
          rootId: r.root_id,
          following: true,
          readSeq: Number(r.read_seq),
          unreadCount: unreadOf(r),
        },
      },
    ];
  });
  return { threads, unreadThreads: rows.filter((r) => unreadOf(r) > 0).length };
}
