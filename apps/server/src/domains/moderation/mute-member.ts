import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { AppError } from "../../errors";
import { userTopic } from "../../realtime/bus";
import { getRoom } from "../rooms/queries";
import { recordAudit } from "./record-audit";

/**
 * Mutes a member for a duration (they read but cannot post), or lifts the mute when
 * `durationSeconds` is null. Logged. Authorised by the caller.
 */
export async function muteMember(
  ctx: Pick<AppContext, "db" | "bus">,
  actorId: string,
  roomId: string,
  targetId: string,
  durationSeconds: number | null,
): Promise<void> {
  const mutedUntil = durationSeconds ? new Date(Date.now() + durationSeconds * 1000).toISOString() : null;
  await runAction(ctx, async (action) => {
    const result = await action.tx
      .updateTable("room_members")
      .set({ muted_until: mutedUntil })
      .where("room_id", "=", roomId)
      .where("user_id", "=", targetId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0)
      throw new AppError("NOT_FOUND", "That person is not a member of this room");
    await recordAudit(action, {
      roomId,
      actorId,
      action: mutedUntil ? "member.muted" : "member.unmuted",
      targetUserId: targetId,
      details: mutedUntil ? { mutedUntil } : {},
    });
    // The member's devices learn at once (the room now carries their mute).
    const room = await getRoom(action.tx, roomId, targetId);
    action.publish(userTopic(targetId), { type: "membership", roomId, userId: targetId, joined: true, room });
  });
}
