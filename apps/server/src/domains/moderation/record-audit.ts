import { randomUUID } from "node:crypto";
import type { AuditAction } from "@parley/protocol";
import type { ActionTx } from "../../db/run-action";

/** Writes one audit entry in the moderation action's own transaction: no action goes unlogged. */
export async function recordAudit(
  { tx }: ActionTx,
  entry: {
    roomId: string;
    actorId: string;
    action: AuditAction;
    targetUserId: string | null;
    details?: object;
  },
): Promise<void> {
  await tx
    .insertInto("audit_log")
    .values({
      id: randomUUID(),
      room_id: entry.roomId,
      actor_id: entry.actorId,
      action: entry.action,
      target_user_id: entry.targetUserId,
      details: JSON.stringify(entry.details ?? {}),
      created_at: new Date().toISOString(),
    })
    .execute();
}
