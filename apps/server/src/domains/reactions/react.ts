import { REACTIONS_PER_MESSAGE_MAX, type ReactResponse } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { AppError } from "../../errors";
import { roomTopic } from "../../realtime/bus";
import { appendEvent } from "../messages/append-event";

/**
 * Adds my reaction with an emoji to a message (`on`), or takes it back. A change takes the
 * room's next seq as a "reaction" or "unreaction" entry (its body the emoji), so open tabs and
 * resuming clients apply it from the one ordered log; adding what is there already, or taking
 * back what is not, changes nothing and records nothing. A deleted message takes no reactions.
 */
export async function react(
  ctx: Pick<AppContext, "db" | "bus">,
  userId: string,
  roomId: string,
  messageId: string,
  emoji: string,
  on: boolean,
): Promise<ReactResponse> {
  return runAction(ctx, async ({ tx, publish }) => {
    const target = await tx
      .selectFrom("messages")
      .select(["id", "deleted_at"])
      .where("id", "=", messageId)
      .where("room_id", "=", roomId)
      .where("kind", "=", "message")
      .executeTakeFirst();
    if (!target || target.deleted_at !== null) {
      throw new AppError("MESSAGE_NOT_FOUND", "No such message in this room");
    }
    const now = new Date().toISOString();
    let changed: bigint | number;
    if (on) {
      const known = await tx
        .selectFrom("message_reactions")
        .select("emoji")
        .distinct()
        .where("message_id", "=", messageId)
        .execute();
      if (!known.some((r) => r.emoji === emoji) && known.length >= REACTIONS_PER_MESSAGE_MAX) {
        throw new AppError(
          "FORBIDDEN",
          `A message takes at most ${REACTIONS_PER_MESSAGE_MAX} different reactions`,
        );
      }
      const inserted = await tx
        .insertInto("message_reactions")
        .values({ message_id: messageId, user_id: userId, emoji, created_at: now })
        .onConflict((oc) => oc.columns(["message_id", "emoji", "user_id"]).doNothing())
        .executeTakeFirst();
      changed = inserted.numInsertedOrUpdatedRows ?? 0n;
    } else {
      const deleted = await tx
        .deleteFrom("message_reactions")
        .where("message_id", "=", messageId)
        .where("user_id", "=", userId)
        .where("emoji", "=", emoji)
        .executeTakeFirst();
      changed = deleted.numDeletedRows;
    }
    if (Number(changed) === 0) return { event: null };

    const event = await appendEvent(tx, {
      roomId,
      targetId: messageId,
      actorId: userId,
      kind: on ? "reaction" : "unreaction",
      body: emoji,
      at: now,
    });
    publish(roomTopic(roomId), { type: "message.new", message: event });
    return { event };
  });
}
