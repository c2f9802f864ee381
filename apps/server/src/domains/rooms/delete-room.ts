import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { userTopic } from "../../realtime/bus";

/**
 * Deletes a channel with its messages, invites and bans (owner only, authorised by the
 * caller). Every member's devices hear that the room is gone, with the reason.
 */
export async function deleteRoom(ctx: Pick<AppContext, "db" | "bus">, roomId: string): Promise<void> {
  await runAction(ctx, async ({ tx, publish }) => {
    const members = await tx
      .selectFrom("room_members")
      .select("user_id")
      .where("room_id", "=", roomId)
      .execute();
    // Foreign keys cascade from rooms to members, messages, invites, bans and its audit log.
    await tx.deleteFrom("rooms").where("id", "=", roomId).execute();
    for (const { user_id } of members) {
      publish(userTopic(user_id), {
        type: "membership",
        roomId,
        userId: user_id,
        joined: false,
        room: null,
        reason: "deleted",
      });
    }
  });
}
