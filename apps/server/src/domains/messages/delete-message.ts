import type { Message } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { AppError } from "../../errors";
import { roomTopic } from "../../realtime/bus";
import { releaseMessageAttachments } from "../attachments/release-attachments";
import { recordAudit } from "../moderation/record-audit";
import { indexMessagesJob } from "../search/index-messages";
import { appendEvent } from "./append-event";
import { selectMessages, toMessage } from "./queries";

/**
 * Deletes a message: its body is wiped from storage and a "deletion" entry takes the room's
 * next seq, so every member's open tab — and every client that resumes later — learns of it
 * through the room's one ordered log. Deleting someone else's message (a moderator's
 * decision, checked by the rules) is written to the room's audit log in the same transaction.
 * Deleting an already deleted message changes nothing and returns it as it is.
 */
export async function deleteMessage(
  ctx: Pick<AppContext, "db" | "bus" | "media">,
  actorId: string,
  roomId: string,
  messageId: string,
): Promise<{ message: Message; deletion: Message | null }> {
  return runAction(ctx, async (action) => {
    const { tx, publish, enqueue } = action;
    const now = new Date().toISOString();
    // Guarded on deleted_at so two concurrent deletes record one deletion, never two.
    const wiped = await tx
      .updateTable("messages")
      .set({ body: "", deleted_at: now, deleted_by: actorId })
      .where("id", "=", messageId)
      .where("room_id", "=", roomId)
      .where("kind", "=", "message")
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    const current = await selectMessages(tx)
      .where("messages.id", "=", messageId)
      .where("messages.room_id", "=", roomId)
      .where("messages.kind", "=", "message")
      .executeTakeFirst();
    if (!current) throw new AppError("MESSAGE_NOT_FOUND", "No such message in this room");
    const message = toMessage(current);
    if (Number(wiped.numUpdatedRows) === 0) return { message, deletion: null };
    // Its earlier texts go too: the ones kept for moderators, and those its edit entries carry.
    await tx.deleteFrom("message_versions").where("message_id", "=", messageId).execute();
    await tx
      .updateTable("messages")
      .set({ body: "" })
      .where("room_id", "=", roomId)
      .where("kind", "=", "edit")
      .where("target_id", "=", messageId)
      .execute();

    const deletion = await appendEvent(tx, {
      roomId,
      targetId: messageId,
      actorId,
      kind: "deletion",
      body: "",
      at: now,
      // One deletion per message: the unique (room, author, client_id) index backs the guard.
      clientId: `deletion:${messageId}`,
    });
    // Its reactions go with it.
    await tx.deleteFrom("message_reactions").where("message_id", "=", messageId).execute();
    if (message.author.id !== actorId) {
      await recordAudit(action, {
        roomId,
        actorId,
        action: "message.removed",
        targetUserId: message.author.id,
        details: { messageId, seq: message.seq },
      });
    }
    // Its files go with it: no longer served, their blobs deleted after commit.
    await releaseMessageAttachments(action, ctx.media, messageId);
    // The wiped text leaves the search index (search also skips deleted messages meanwhile).
    await enqueue(indexMessagesJob, { messageIds: [messageId] });
    publish(roomTopic(roomId), { type: "message.new", message: deletion });
    return { message, deletion };
  });
}
