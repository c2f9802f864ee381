import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { userTopic } from "../../realtime/bus";

/**
 * Records that a member's device has received the room up to `seq`, and tells the authors of
 * the newly covered messages that they were delivered. Receipts only move forward; a stale or
 * repeated one changes nothing and notifies no one. The caller has checked membership.
 */
export async function recordReceipt(
  ctx: Pick<AppContext, "db" | "bus">,
  userId: string,
  roomId: string,
  seq: number,
): Promise<void> {
  await runAction(ctx, async ({ tx, publish }) => {
    const member = await tx
      .selectFrom("room_members")
      .innerJoin("rooms", "rooms.id", "room_members.room_id")
      .select(["room_members.received_seq", "rooms.last_seq"])
      .where("room_members.room_id", "=", roomId)
      .where("room_members.user_id", "=", userId)
      .executeTakeFirst();
    if (!member) return;
    // A client cannot claim to have received messages that do not exist yet.
    const upTo = Math.min(seq, Number(member.last_seq));
    const previous = Number(member.received_seq);
    if (upTo <= previous) return;
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
