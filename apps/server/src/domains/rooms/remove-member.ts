import type { ActionTx } from "../../db/run-action";
import { roomTopic, userTopic } from "../../realtime/bus";
import { countMembers } from "./queries";

/**
 * Removes a member inside an action's transaction (leave, kick, ban); their messages stay.
 * Their sockets hear `membership` (with why) and stop receiving the room at once; the
 * remaining members hear the new count. Returns whether they were a member.
 */
export async function removeMember(
  { tx, publish }: ActionTx,
  roomId: string,
  userId: string,
  reason: "left" | "kicked" | "banned" | "deleted",
): Promise<boolean> {
  const result = await tx
    .deleteFrom("room_members")
    .where("room_id", "=", roomId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) return false;
  publish(userTopic(userId), { type: "membership", roomId, userId, joined: false, room: null, reason });
  publish(roomTopic(roomId), { type: "room.members", roomId, memberCount: await countMembers(tx, roomId) });
  return true;
}
