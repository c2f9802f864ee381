import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { removeMember } from "./remove-member";

/** The user leaves the room. Authorised by the caller. */
export async function leaveRoom(
  ctx: Pick<AppContext, "db" | "bus">,
  userId: string,
  roomId: string,
): Promise<void> {
  await runAction(ctx, async (action) => {
    await removeMember(action, roomId, userId, "left");
  });
}
