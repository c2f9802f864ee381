import type { RoomRole } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { AppError } from "../../errors";
import { userTopic } from "../../realtime/bus";
import { getRoom } from "../rooms/queries";
import { recordAudit } from "./record-audit";

/**
 * Gives a member a new role. The caller has authorised acting on this member and checked the
 * new role is below the actor's own (rules: room.role.change + room.role.assign). Logged; the
 * member's devices learn their new role at once.
 */
export async function changeRole(
  ctx: Pick<AppContext, "db" | "bus">,
  actorId: string,
  roomId: string,
  targetId: string,
  role: RoomRole,
): Promise<void> {
  await runAction(ctx, async (action) => {
    const current = await action.tx
      .selectFrom("room_members")
      .select("role")
      .where("room_id", "=", roomId)
      .where("user_id", "=", targetId)
      .executeTakeFirst();
    if (!current) throw new AppError("NOT_FOUND", "That person is not a member of this room");
    if (current.role === role) return;
    await action.tx
      .updateTable("room_members")
      .set({ role })
      .where("room_id", "=", roomId)
      .where("user_id", "=", targetId)
      .execute();
    await recordAudit(action, {
      roomId,
      actorId,
      action: "member.role_changed",
      targetUserId: targetId,
      details: { from: current.role, to: role },
    });
    const room = await getRoom(action.tx, roomId, targetId);
    action.publish(userTopic(targetId), { type: "membership", roomId, userId: targetId, joined: true, room });
  });
}
