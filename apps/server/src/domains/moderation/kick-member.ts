import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { AppError } from "../../errors";
import { removeMember } from "../rooms/remove-member";
import { recordAudit } from "./record-audit";

/** Removes a member (they may rejoin a public room); logged. Authorised by the caller. */
export async function kickMember(
  ctx: Pick<AppContext, "db" | "bus">,
  actorId: string,
  roomId: string,
  targetId: string,
): Promise<void> {
  await runAction(ctx, async (action) => {
    if (!(await removeMember(action, roomId, targetId, "kicked"))) {
      throw new AppError("NOT_FOUND", "That person is not a member of this room");
    }
    await recordAudit(action, { roomId, actorId, action: "member.kicked", targetUserId: targetId });
  });
}
