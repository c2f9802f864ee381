import type { AppContext } from "../../context";
import { CoalescingWriter } from "../../db/coalescing-writer";
import { runAction } from "../../db/run-action";
import { userTopic } from "../../realtime/bus";
import { authorize, SOCKET_RULES } from "../../rules/rules";
import { batchedRoomAccess } from "../rooms/queries";

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
  const accessOf = batchedRoomAccess(ctx.db);
  return {
    /**
     * Checks the receipt against the rules (a member's device only), then resolves once it is
     * stored and its authors told. Access is read for a burst at once, like the writes.
     */
    record: async (receipt: Receipt) => {
      const access = await accessOf(receipt.userId, receipt.roomId);
      authorize({ kind: "user", userId: receipt.userId }, SOCKET_RULES.receipt, access);
      await writer.add(`${receipt.userId}\u0000${receipt.roomId}`, receipt);
    },
    flush: () => writer.flush(),
  };
}

export type ReceiptRecorder = ReturnType<typeof createReceiptRecorder>;

/**
 * Records that members' devices have received rooms up to a seq, and tells the authors of
 * the newly covered messages that they were delivered. Receipts only move forward; a stale or
 * repeated one changes nothing and notifies no one. The caller has checked membership.
 *
 * Set-based, because receipts come in bursts: a message to a room of 500 makes 499 devices
 * report it within the same ~750 ms. One read for every receipt's member row, one UPDATE per
 * (room, seq) reported, one read of each room's newly covered authors, and one `delivered` per
 * author per room — not one per receipt, which told an author the same thing 499 times.
 */
export async function recordReceipts(
  ctx: Pick<AppContext, "db" | "bus">,
  receipts: readonly Receipt[],
): Promise<void> {
  if (receipts.length === 0) return;
  await runAction(ctx, async ({ tx, publish }) => {
    const members = await tx
      .selectFrom("room_members")
      .innerJoin("rooms", "rooms.id", "room_members.room_id")
      .select(["room_members.room_id", "room_members.user_id", "room_members.received_seq", "rooms.last_seq"])
      .where((eb) =>
        eb(
          eb.refTuple("room_members.room_id", "room_members.user_id"),
          "in",
          receipts.map((r) => eb.tuple(r.roomId, r.userId)),
        ),
      )
      .execute();
    const memberOf = new Map(members.map((m) => [`${m.room_id}\u0000${m.user_id}`, m]));
    /** Per room: the receipts that moved a pointer forward, as [user, previous, upTo]. */
    const moved = new Map<string, Array<{ userId: string; previous: number; upTo: number }>>();
    for (const { userId, roomId, seq } of receipts) {
      const member = memberOf.get(`${roomId}\u0000${userId}`);
      if (!member) continue;
      // A client cannot claim to have received messages that do not exist yet.
      const upTo = Math.min(seq, Number(member.last_seq));
      const previous = Number(member.received_seq);
      if (upTo <= previous) continue;
      const list = moved.get(roomId) ?? [];
      list.push({ userId, previous, upTo });
      moved.set(roomId, list);
    }
    for (const [roomId, list] of moved) {
      const byUpTo = new Map<number, string[]>();
      for (const { userId, upTo } of list) {
        const users = byUpTo.get(upTo);
        if (users) users.push(userId);
        else byUpTo.set(upTo, [userId]);
      }
      for (const [upTo, userIds] of byUpTo) {
        await tx
          .updateTable("room_members")
          .set({ received_seq: upTo })
          .where("room_id", "=", roomId)
          .where("user_id", "in", userIds)
          .where("received_seq", "<", upTo)
          .execute();
      }
      const from = Math.min(...list.map((m) => m.previous));
      const to = Math.max(...list.map((m) => m.upTo));
      // Per author, their newest message in the range (a reconnecting device may report
      // thousands of messages at once: one row per author, not per message).
      const authored = await tx
        .selectFrom("messages")
        .select((eb) => ["author_id", eb.fn.max("seq").as("seq")])
        .where("room_id", "=", roomId)
        .where("seq", ">", from)
        .where("seq", "<=", to)
        .groupBy("author_id")
        .execute();
      // Each author hears the furthest any OTHER member's device got, if that passed one of
      // their messages. (A true "delivered up to seq" sent once more is harmless: the client
      // ignores one that does not move its mark.)
      for (const { author_id: author, seq: newest } of authored) {
        const others = list.filter((m) => m.userId !== author);
        if (others.length === 0) continue;
        const reach = Math.max(...others.map((m) => m.upTo));
        const since = Math.min(...others.map((m) => m.previous));
        if (Number(newest) > since) publish(userTopic(author), { type: "delivered", roomId, seq: reach });
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
