import type { UpdateRoomRequest } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { roomTopic } from "../../realtime/bus";
import { recordAudit } from "../moderation/record-audit";

/** Changes a channel's settings; every member's devices get the changes live. Logged. */
export async function updateRoom(
  ctx: Pick<AppContext, "db" | "bus">,
  actorId: string,
  roomId: string,
  changes: UpdateRoomRequest,
): Promise<void> {
  await runAction(ctx, async (action) => {
    const current = await action.tx
      .selectFrom("rooms")
      .select("archived_at")
      .where("id", "=", roomId)
      .executeTakeFirstOrThrow();
    const archivedAt =
      changes.archived === undefined
        ? current.archived_at
        : changes.archived
          ? (current.archived_at ?? new Date().toISOString())
          : null;
    await action.tx
      .updateTable("rooms")
      .set({
        ...(changes.name === undefined ? {} : { name: changes.name }),
        ...(changes.topic === undefined ? {} : { topic: changes.topic }),
        ...(changes.description === undefined ? {} : { description: changes.description }),
        ...(changes.slowModeSeconds === undefined ? {} : { slow_mode_seconds: changes.slowModeSeconds }),
        ...(changes.readReceipts === undefined ? {} : { read_receipts: changes.readReceipts }),
        archived_at: archivedAt,
      })
      .where("id", "=", roomId)
      .execute();
    await recordAudit(action, {
      roomId,
      actorId,
      action: "room.updated",
      targetUserId: null,
      details: changes,
    });
    action.publish(roomTopic(roomId), { type: "room.updated", roomId, changes });
  });
}
