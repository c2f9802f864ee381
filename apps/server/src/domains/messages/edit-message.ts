import { randomUUID } from "node:crypto";
import type { Database } from "@parley/db";
import type { EditMessageResponse, MessageHistoryResponse } from "@parley/protocol";
import type { Kysely } from "kysely";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { AppError } from "../../errors";
import { roomTopic } from "../../realtime/bus";
import { withAttachments } from "../attachments/queries";
import { withReactions } from "../reactions/queries";
import { indexMessagesJob } from "../search/index-messages";
import { appendEvent } from "./append-event";
import { selectMessages, toMessage } from "./queries";

/**
 * Changes the text of a message (the rules let only its author do it). The text it replaces is
 * kept in message_versions; an "edit" entry carrying the new text takes the room's next seq, so
 * every open tab — and every client that resumes later — applies it from the one ordered log.
 * A deleted message cannot be edited; the same text again changes nothing and records nothing.
 */
export async function editMessage(
  ctx: Pick<AppContext, "db" | "bus">,
  actorId: string,
  roomId: string,
  messageId: string,
  body: string,
): Promise<EditMessageResponse> {
  return runAction(ctx, async ({ tx, publish, enqueue }) => {
    const load = () =>
      selectMessages(tx)
        .where("messages.id", "=", messageId)
        .where("messages.room_id", "=", roomId)
        .where("messages.kind", "=", "message")
        .executeTakeFirst();
    const before = await load();
    if (!before || before.deleted_by !== null) {
      throw new AppError("MESSAGE_NOT_FOUND", "No such message in this room");
    }
    if (before.body === body) {
      const [message] = await withReactions(tx, await withAttachments(tx, [toMessage(before)]));
      return { message: message ?? toMessage(before), edit: null };
    }
    const now = new Date().toISOString();
    // Guarded on the text read above: of two concurrent edits, the second re-reads and wins
    // in the same order as their seqs.
    const changed = await tx
      .updateTable("messages")
      .set({ body, edited_at: now })
      .where("id", "=", messageId)
      .where("body", "=", before.body)
      .where("deleted_by", "is", null)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) {
      throw new AppError("EDIT_CONFLICT", "The message changed meanwhile; try again");
    }
    await tx
      .insertInto("message_versions")
      .values({
        id: randomUUID(),
        message_id: messageId,
        body: before.body,
        replaced_at: now,
        replaced_by: actorId,
      })
      .execute();
    const edit = await appendEvent(tx, {
      roomId,
      targetId: messageId,
      actorId,
      kind: "edit",
      body,
      at: now,
    });
    const after = await load();
    const [message] = await withReactions(tx, await withAttachments(tx, after ? [toMessage(after)] : []));
    if (!message) throw new AppError("MESSAGE_NOT_FOUND", "No such message in this room");
    // The index follows the new text.
    await enqueue(indexMessagesJob, { messageIds: [messageId] });
    publish(roomTopic(roomId), { type: "message.new", message: edit });
    return { message, edit };
  });
}

/** The texts an edited message had before, oldest first. */
export async function messageHistory(
  db: Kysely<Database>,
  roomId: string,
  messageId: string,
): Promise<MessageHistoryResponse> {
  const rows = await db
    .selectFrom("message_versions")
    .innerJoin("messages", "messages.id", "message_versions.message_id")
    .innerJoin("users", "users.id", "message_versions.replaced_by")
    .select([
      "message_versions.body",
      "message_versions.replaced_at",
      "message_versions.replaced_by",
      "users.display_name",
    ])
    .where("messages.id", "=", messageId)
    .where("messages.room_id", "=", roomId)
    .orderBy("message_versions.replaced_at")
    .orderBy("message_versions.id")
    .execute();
  return {
    versions: rows.map((r) => ({
      body: r.body,
      replacedAt: r.replaced_at,
      replacedBy: { id: r.replaced_by, displayName: r.display_name },
    })),
  };
}
