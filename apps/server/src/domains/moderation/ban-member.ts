import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { removeMember } from "../rooms/remove-member";
import { recordAudit } from "./record-audit";

/**
 * Bans someone from the room (member or not), with a reason and an optional duration: they
 * are removed at once and cannot rejoin or use an invite until it ends. Banning again
 * replaces the earlier ban. Logged. Authorised by the caller.
 */
export async function banMember(
  ctx: Pick<AppContext, "db" | "bus">,
  actorId: string,
  roomId: string,
  targetId: string,
  input: { reason: string; durationSeconds?: number },
): Promise<void> {
  const now = new Date();
  const expiresAt = input.durationSeconds
    ? new Date(now.getTime() + input.durationSeconds * 1000).toISOString()
    : null;
  await runAction(ctx, async (action) => {
    await action.tx
      .insertInto("room_bans")
      .values({
        room_id: roomId,
        user_id: targetId,
        reason: input.reason,
        banned_by: actorId,
        created_at: now.toISOString(),
        expires_at: expiresAt,
      })
      .onConflict((oc) =>
        oc.columns(["room_id", "user_id"]).doUpdateSet({
          reason: input.reason,
          banned_by: actorId,
          created_at: now.toISOString(),
          expires_at: expiresAt,
        }),
      )
      .execute();
    await removeMember(action, roomId, targetId, "banned");
    await recordAudit(action, {
      roomId,
      actorId,
      action: "member.banned",
      targetUserId: targetId,
      details: { reason: input.reason, expiresAt },
    });
  });
}

/** Lifts a ban; logged. Authorised by the caller. */
export async function unbanMember(
  ctx: Pick<AppContext, "db" | "bus">,
  actorId: string,
  roomId: string,
  targetId: string,
): Promise<boolean> {
  return runAction(ctx, async (action) => {
    const result = await action.tx
      .deleteFrom("room_bans")
      .where("room_id", "=", roomId)
      .where("user_id", "=", targetId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return false;
    await recordAudit(action, { roomId, actorId, action: "member.unbanned", targetUserId: targetId });
    return true;
  });
}
