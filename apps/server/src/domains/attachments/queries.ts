import type { AttachmentsTable, Database } from "@parley/db";
import { API, type Attachment } from "@parley/protocol";
import type { Kysely, Selectable } from "kysely";

export type AttachmentRow = Selectable<AttachmentsTable>;

/** An attachment as the wire carries it; its URLs are under its room (read by members only). */
export function toAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    size: Number(row.size),
    mime: row.mime,
    width: row.width === null ? null : Number(row.width),
    height: row.height === null ? null : Number(row.height),
    url: API.attachmentFile(row.room_id, row.id, row.name),
    thumbUrl: row.thumb_sha256 ? API.attachmentThumb(row.room_id, row.id) : null,
  };
}

/** Ids per query: far below SQLite's parameter limit. */
const CHUNK = 500;

/**
 * The attachments of these messages, in upload order, by message id: one query per page of
 * history (or per batch of sends), however many messages carry files.
 */
export async function attachmentsOf(
  db: Kysely<Database>,
  messageIds: readonly string[],
): Promise<Map<string, Attachment[]>> {
  const byMessage = new Map<string, Attachment[]>();
  const ids = [...new Set(messageIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom("attachments")
      .selectAll()
      .where("message_id", "in", ids.slice(i, i + CHUNK))
      .orderBy("position")
      .orderBy("id")
      .execute();
    for (const row of rows) {
      const list = byMessage.get(row.message_id as string) ?? [];
      list.push(toAttachment(row));
      byMessage.set(row.message_id as string, list);
    }
  }
  return byMessage;
}

/** Fills in `attachments` on messages (an empty array when a message has none). */
export async function withAttachments<M extends { id: string; kind: string; attachments?: Attachment[] }>(
  db: Kysely<Database>,
  messages: M[],
): Promise<M[]> {
  const carriers = messages.filter((m) => m.kind === "message").map((m) => m.id);
  const found = carriers.length > 0 ? await attachmentsOf(db, carriers) : new Map<string, Attachment[]>();
  for (const m of messages) m.attachments = found.get(m.id) ?? [];
  return messages;
}

/** Bytes this person has stored as attachments (pending ones included): their quota use. */
export async function storedBytes(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db
    .selectFrom("attachments")
    .select((eb) => eb.fn.sum<string | number | null>("size").as("total"))
    .where("uploader_id", "=", userId)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/**
 * An attachment that a message of this room carries (pending uploads are never served: the
 * uploader has the file, nobody else may see it yet). Null when there is none.
 */
export async function postedAttachment(
  db: Kysely<Database>,
  roomId: string,
  attachmentId: string,
): Promise<AttachmentRow | null> {
  const row = await db
    .selectFrom("attachments")
    .selectAll()
    .where("id", "=", attachmentId)
    .where("room_id", "=", roomId)
    .where("message_id", "is not", null)
    .executeTakeFirst();
  return row ?? null;
}

/** Whether any attachment row still names this blob (as its file or its thumbnail). */
export async function blobInUse(db: Kysely<Database>, hash: string): Promise<boolean> {
  const row = await db
    .selectFrom("attachments")
    .select("id")
    .where((eb) => eb.or([eb("sha256", "=", hash), eb("thumb_sha256", "=", hash)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
