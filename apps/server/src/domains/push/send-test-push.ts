import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { AppError } from "../../errors";
import { PUSH_DELIVER_JOB } from "./deliver-push";

/**
 * "Send a test notification": a push to each of my devices (or one), through the same job,
 * sender and push service as every other. `test_sent_at` marks the round trip as started; the
 * service worker's receipt completes it (`test_confirmed_at`), which the settings page shows.
 */
export async function sendTestPush(
  ctx: Pick<AppContext, "db" | "bus">,
  userId: string,
  deviceId: string | undefined,
): Promise<{ sentTo: number; sentAt: string }> {
  const sentAt = new Date().toISOString();
  const sentTo = await runAction(ctx, async ({ tx, enqueue }) => {
    let update = tx
      .updateTable("push_subscriptions")
      .set({ test_sent_at: sentAt })
      .where("user_id", "=", userId);
    if (deviceId) update = update.where("id", "=", deviceId);
    const rows = await update.returning("id").execute();
    if (deviceId && rows.length === 0) throw new AppError("PUSH_DEVICE_NOT_FOUND", "No such device");
    for (const { id } of rows) {
      await enqueue(PUSH_DELIVER_JOB, { kind: "test", subscriptionId: id }, { key: `test:${id}:${sentAt}` });
    }
    return rows.length;
  });
  return { sentTo, sentAt };
}
