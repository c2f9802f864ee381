import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { roomTopic, userTopic } from "../../realtime/bus";
import { countMembers } from "./queries";

/** Removes the user from the room; their messages stay. Authorised by the caller. */
export async function leaveRoom(
  ctx: Pick<AppContext, "db" | "bus">,
  userId: string,
  roomId: string,
): Promise<void> {
  await runAction(ctx, async ({ tx, publish }) => {
    const result = await tx
      .deleteFrom("room_members")
      .where("room_id", "=", roomId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) > 0) {
      publish(userTopic(userId), { type: "membership", roomId, userId, joined: false, room: null });
      publish(roomTopic(roomId), {
        type: "room.members",
        roomId,
        memberCount: await countMembers(tx, roomId),
      });
    }
  });
}
