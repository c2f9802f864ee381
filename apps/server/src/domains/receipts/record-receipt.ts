import type { AppContext } from "../../context";
import { CoalescingWriter } from "../../db/coalescing-writer";
import { runAction } from "../../db/run-action";
import { userTopic } from "../../realtime/bus";

/** One device's word: "I have received this room up to `seq`". */
export interface Receipt {
  userId: string;
  roomId: string;
  seq: number;
}

/**
 * Records receipts as they come from every socket of this node, a burst of them in one
 * transaction (see CoalescingWriter): two receipts of the same person for the same room
 * before a write become one, the higher.
 */
export function createReceiptRecorder(ctx: Pick<AppContext, "db" | "bus">) {
  const writer = new CoalescingWriter<Receipt>(
    (batch) => recordReceipts(ctx, [...batch.values()]),
    (older, newer) => (newer.seq > older.seq ? newer : older),
  );
  return {
    /** Resolves once the receipt is stored and its authors told. The caller checked membership. */
    record: (receipt: Receipt) => writer.add(`${receipt.userId}\u0000${receipt.roomId}`, receipt),
    flush: () => writer.flush(),
  };
}

export type ReceiptRecorder = ReturnType<typeof createReceiptRecorder>;

/**
 * Records that members' devices have received rooms up to a seq, and tells the authors of
 * the newly covered messages that they were delivered. Receipts only move forward; a stale or
 * repeated one changes nothing and notifies no one. The caller has checked membership.
 */
export async function recordReceipts(
  ctx: Pick<AppContext, "db" | "bus">,
  receipts: readonly Receipt[],
): Promise<void> {
  await runAction(ctx, async ({ tx, publish }) => {
    for (const { userId, roomId, seq } of receipts) {
      const member = await tx
        .selectFrom("room_members")
        .innerJoin("rooms", "rooms.id", "room_members.room_id")
        .select(["room_members.received_seq", "rooms.last_seq"])
        .where("room_members.room_id", "=", roomId)
        .where("room_members.user_id", "=", userId)
        .executeTakeFirst();
      if (!member) continue;
      // A client cannot claim to have received messages that do not exist yet.
      const upTo = Math.min(seq, Number(member.last_seq));
      const previous = Number(member.received_seq);
      if (upTo <= previous) continue;
      await tx
        .updateTable("room_members")
        .set({ received_seq: upTo })
        .where("room_id", "=", roomId)
        .where("user_id", "=", userId)
        .where("received_seq", "<", upTo)
        .execute();
      const authors = await tx
        .selectFrom("messages")
        .select("author_id")
        .distinct()
        .where("room_id", "=", roomId)
        .where("seq", ">", previous)
        .where("seq", "<=", upTo)
        .where("author_id", "<>", userId)
        .execute();
      for (const { author_id } of authors) {
        publish(userTopic(author_id), { type: "delivered", roomId, seq: upTo });
      }
    }
  });
}

/** The highest seq of the room received by any member other than `userId` (0 if none). */
export async function deliveredWatermark(
  ctx: Pick<AppContext, "db">,
  userId: string,
  roomId: string,
): Promise<number> {
  const row = await ctx.db
    .selectFrom("room_members")
    .select((eb) => eb.fn.max("received_seq").as("seq"))
    .where("room_id", "=", roomId)
    .where("user_id", "<>", userId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}
