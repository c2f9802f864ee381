import type { Database } from "@parley/db";
import { excerpt, type Message } from "@parley/protocol";
import type { Kysely } from "kysely";
import { withAttachments } from "../attachments/queries";
import { withReactions } from "../reactions/queries";
import { parseRepliers } from "../threads/repliers";

export function selectMessages(db: Kysely<Database>) {
  return (
    db
      .selectFrom("messages")
      .innerJoin("users", "users.id", "messages.author_id")
      // The message it replies to, for the quote (two primary-key lookups per row).
      .leftJoin("messages as reply", "reply.id", "messages.reply_to_id")
      .leftJoin("users as reply_author", "reply_author.id", "reply.author_id")
      .select([
        "messages.id",
        "messages.room_id",
        "messages.seq",
        "messages.client_id",
        "messages.body",
        "messages.created_at",
        "messages.author_id",
        "messages.kind",
        "messages.target_id",
        "messages.deleted_by",
        "messages.edited_at",
        "messages.event_seq",
        "messages.thread_root_id",
        "messages.thread_reply_count",
        "messages.thread_last_seq",
        "messages.thread_last_at",
        "messages.thread_repliers",
        "users.display_name",
        "reply.id as reply_id",
        "reply.seq as reply_seq",
        "reply.body as reply_body",
        "reply.deleted_at as reply_deleted_at",
        "reply.author_id as reply_author_id",
        "reply_author.display_name as reply_author_name",
      ])
  );
}

export type MessageRow = Awaited<ReturnType<ReturnType<typeof selectMessages>["executeTakeFirstOrThrow"]>>;

/** How a reply quotes the message it answers. */
export function replyPreview(target: Message): NonNullable<Message["replyTo"]> {
  return {
    id: target.id,
    seq: target.seq,
    author: target.author,
    excerpt: excerpt(target.body),
    deleted: target.deleted !== null,
  };
}

export function toMessage(r: MessageRow): Message {
  return {
    id: r.id,
    roomId: r.room_id,
    seq: Number(r.seq),
    clientId: r.client_id,
    author: { id: r.author_id, displayName: r.display_name },
    body: r.body,
    createdAt: r.created_at,
    kind: r.kind,
    targetId: r.target_id,
    deleted: r.deleted_by === null ? null : r.deleted_by === r.author_id ? "author" : "moderator",
    editedAt: r.edited_at,
    eventSeq: Number(r.event_seq),
    replyTo:
      r.reply_id === null
        ? null
        : {
            id: r.reply_id,
            seq: Number(r.reply_seq),
            author: { id: r.reply_author_id ?? "", displayName: r.reply_author_name ?? "" },
            excerpt: excerpt(r.reply_body ?? ""),
            deleted: r.reply_deleted_at !== null,
          },
    threadRootId: r.thread_root_id,
    // A root's thread summary, kept on its row by the transaction that stores each reply.
    thread:
      Number(r.thread_reply_count) > 0 && r.thread_last_at
        ? {
            replyCount: Number(r.thread_reply_count),
            lastReplySeq: Number(r.thread_last_seq),
            lastReplyAt: r.thread_last_at,
            repliers: parseRepliers(r.thread_repliers),
          }
        : null,
  };
}

export async function findMessageByClientId(
  db: Kysely<Database>,
  roomId: string,
  authorId: string,
  clientId: string,
): Promise<Message | null> {
  const row = await selectMessages(db)
    .where("messages.room_id", "=", roomId)
    .where("messages.author_id", "=", authorId)
    .where("messages.client_id", "=", clientId)
    .executeTakeFirst();
  if (!row) return null;
  const [message] = await withReactions(db, await withAttachments(db, [toMessage(row)]));
  return message ?? null;
}

export interface Page {
  /** Ascending by seq. */
  messages: Message[];
  hasMore: boolean;
}

/** Up to `limit` messages before `before` (or the newest), ascending. */
export async function messagesBefore(
  db: Kysely<Database>,
  roomId: string,
  before: number | undefined,
  limit: number,
): Promise<Page> {
  let q = selectMessages(db).where("messages.room_id", "=", roomId);
  if (before !== undefined) q = q.where("messages.seq", "<", before);
  const rows = await q
    .orderBy("messages.seq", "desc")
    .limit(limit + 1)
    .execute();
  // The page's files in one more query.
  const messages = await withReactions(
    db,
    await withAttachments(db, rows.slice(0, limit).reverse().map(toMessage)),
  );
  return { messages, hasMore: rows.length > limit };
}

/** Up to `limit` messages with seq > after, and optionally < until, ascending. */
export async function messagesAfter(
  db: Kysely<Database>,
  roomId: string,
  after: number,
  limit: number,
  until?: number,
): Promise<Page> {
  let q = selectMessages(db).where("messages.room_id", "=", roomId).where("messages.seq", ">", after);
  if (until !== undefined) q = q.where("messages.seq", "<", until);
  const rows = await q
    .orderBy("messages.seq", "asc")
    .limit(limit + 1)
    .execute();
  const messages = await withReactions(db, await withAttachments(db, rows.slice(0, limit).map(toMessage)));
  return { messages, hasMore: rows.length > limit };
}

/** Who wrote a message of this room (events on messages are not messages: null). */
export async function messageAuthor(
  db: Kysely<Database>,
  roomId: string,
  messageId: string,
): Promise<{ authorId: string } | null> {
  const row = await db
    .selectFrom("messages")
    .select("author_id")
    .where("id", "=", messageId)
    .where("room_id", "=", roomId)
    .where("kind", "=", "message")
    .executeTakeFirst();
  return row ? { authorId: row.author_id } : null;
}
