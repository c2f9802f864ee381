import type { MarkNotificationsReadRequest } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { userTopic } from "../../realtime/bus";

/**
 * Marks some (or all) of my inbox entries read and returns how many stay unread. Every device
 * of mine hears it (`notifications.read`), so the inbox read on the phone is read on the laptop.
 */
export async function markNotificationsRead(
  ctx: Pick<AppContext, "db" | "bus">,
  userId: string,
  request: MarkNotificationsReadRequest,
): Promise<number> {
  return runAction(ctx, async ({ tx, publish }) => {
    let update = tx
      .updateTable("notifications")
      .set({ read_at: new Date().toISOString() })
      .where("user_id", "=", userId)
      .where("read_at", "is", null);
    if ("ids" in request) update = update.where("id", "in", request.ids);
    const changed = await update.executeTakeFirst();
    const unread = await tx
      .selectFrom("notifications")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .where("user_id", "=", userId)
      .where("read_at", "is", null)
      .executeTakeFirstOrThrow();
    const unreadCount = Number(unread.n);
    if (Number(changed.numUpdatedRows) > 0) {
      publish(userTopic(userId), { type: "notifications.read", read: request, unreadCount });
    }
    return unreadCount;
  });
}
