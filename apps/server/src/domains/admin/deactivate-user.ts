import { randomUUID } from "node:crypto";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { AppError } from "../../errors";
import { userTopic } from "../../realtime/bus";

/**
 * Deactivates an account: it can no longer sign in, every session ends and every open socket
 * closes at once. Its messages stay. Logged in the server-wide audit log. Authorised by the
 * caller (server administrators only); an administrator cannot deactivate themselves.
 */
export async function deactivateUser(
  ctx: Pick<AppContext, "db" | "bus">,
  actorId: string,
  userId: string,
): Promise<void> {
  if (actorId === userId) throw new AppError("FORBIDDEN", "You cannot deactivate your own account");
  await runAction(ctx, async ({ tx, publish }) => {
    const now = new Date().toISOString();
    const result = await tx
      .updateTable("users")
      .set({ deactivated_at: now })
      .where("id", "=", userId)
      .where("deactivated_at", "is", null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      const exists = await tx.selectFrom("users").select("id").where("id", "=", userId).executeTakeFirst();
      if (!exists) throw new AppError("NOT_FOUND", "No such account");
      return; // already deactivated
    }
    await tx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    await tx
      .insertInto("audit_log")
      .values({
        id: randomUUID(),
        room_id: null,
        actor_id: actorId,
        action: "user.deactivated",
        target_user_id: userId,
        created_at: now,
      })
      .execute();
    publish(userTopic(userId), { type: "user.deactivated" });
  });
}
