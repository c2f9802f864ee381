import type { NotifyLevel } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { userTopic } from "../../realtime/bus";
import { getRoom } from "../rooms/queries";

/**
 * Sets how much a room notifies me. Every device of mine hears it (as the room, changed), so
 * a room muted on the phone stops notifying on the laptop too.
 */
export async function setNotifyLevel(
  ctx: Pick<AppContext, "db" | "bus">,
  userId: string,
  roomId: string,
  level: NotifyLevel,
): Promise<void> {
  await runAction(ctx, async ({ tx, publish }) => {
    await tx
      .updateTable("room_members")
      .set({ notify: level })
      .where("room_id", "=", roomId)
      .where("user_id", "=", userId)
      .execute();
    const room = await getRoom(tx, roomId, userId);
    publish(userTopic(userId), { type: "membership", roomId, userId, joined: true, room });
  });
}
