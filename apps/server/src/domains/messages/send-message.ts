import { randomUUID } from "node:crypto";
import { isUniqueViolation } from "@parley/db";
import type { Message } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { roomTopic } from "../../realtime/bus";
import { findMessageByClientId } from "./queries";

export interface SendResult {
  message: Message;
  /** The clientId had been used before; `message` is the original. */
  duplicate: boolean;
}

/** Thrown inside the transaction to roll back the sequence bump when the send is a retry. */
class AlreadySent {
  constructor(readonly message: Message) {}
}

/**
 * Stores a message with the room's next sequence number and publishes it after commit.
 * Input has been checked (see check-send.ts). Idempotent per (room, author, clientId): a retry
 * returns the original message and never takes a new sequence number.
 */
export async function sendMessage(
  ctx: Pick<AppContext, "db" | "bus">,
  author: { id: string; displayName: string },
  roomId: string,
  input: { clientId: string; body: string },
): Promise<SendResult> {
  // Fast path for retries of committed sends: no write at all.
  const earlier = await findMessageByClientId(ctx.db, roomId, author.id, input.clientId);
  if (earlier) return { message: earlier, duplicate: true };

  try {
    return await runAction(ctx, async ({ tx, publish }) => {
      // Bumping the counter first takes the room row's write lock (PostgreSQL) or the single
      // writer lock (SQLite), so concurrent sends to one room are serialised from here on and
      // sequence numbers are gapless: a rolled-back send gives its number back.
      const { last_seq } = await tx
        .updateTable("rooms")
        .set((eb) => ({ last_seq: eb("last_seq", "+", 1) }))
        .where("id", "=", roomId)
        .returning("last_seq")
        .executeTakeFirstOrThrow();
      // A concurrent retry of the same send may have committed while we waited for the lock.
      const raced = await findMessageByClientId(tx, roomId, author.id, input.clientId);
      if (raced) throw new AlreadySent(raced);

      const message: Message = {
        id: randomUUID(),
        roomId,
        seq: Number(last_seq),
        clientId: input.clientId,
        author: { id: author.id, displayName: author.displayName },
        body: input.body,
        createdAt: new Date().toISOString(),
      };
      await tx
        .insertInto("messages")
        .values({
          id: message.id,
          room_id: roomId,
          seq: message.seq,
          author_id: author.id,
          client_id: message.clientId,
          body: message.body,
          created_at: message.createdAt,
        })
        .execute();
      publish(roomTopic(roomId), { type: "message.new", message });
      return { message, duplicate: false };
    });
  } catch (error) {
    if (error instanceof AlreadySent) return { message: error.message, duplicate: true };
    if (isUniqueViolation(error)) {
      const original = await findMessageByClientId(ctx.db, roomId, author.id, input.clientId);
      if (original) return { message: original, duplicate: true };
    }
    throw error;
  }
}
