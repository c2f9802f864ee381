import type { Database } from "@parley/db";
import type { Message } from "@parley/protocol";
import type { Kysely } from "kysely";

export function selectMessages(db: Kysely<Database>) {
  return db
    .selectFrom("messages")
    .innerJoin("users", "users.id", "messages.author_id")
    .select([
      "messages.id",
      "messages.room_id",
      "messages.seq",
      "messages.client_id",
      "messages.body",
      "messages.created_at",
      "messages.author_id",
      "users.display_name",
    ]);
}

export type MessageRow = Awaited<ReturnType<ReturnType<typeof selectMessages>["executeTakeFirstOrThrow"]>>;

export function toMessage(r: MessageRow): Message {
  return {
    id: r.id,
    roomId: r.room_id,
    seq: Number(r.seq),
    clientId: r.client_id,
    author: { id: r.author_id, displayName: r.display_name },
    body: r.body,
    createdAt: r.created_at,
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
  return row ? toMessage(row) : null;
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
  return { messages: rows.slice(0, limit).reverse().map(toMessage), hasMore: rows.length > limit };
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
  return { messages: rows.slice(0, limit).map(toMessage), hasMore: rows.length > limit };
}
