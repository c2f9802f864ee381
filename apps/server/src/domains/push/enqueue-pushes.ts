import { runAction } from "../../db/run-action";
import type { JobContext } from "../../jobs/define-job";
import { PUSH_DELIVER_JOB } from "./deliver-push";

/** Who a message's push goes to, and whether it is a mention (it says so on the lock screen). */
export type PushRecipients = ReadonlyMap<string, ReadonlyArray<{ userId: string; mention: boolean }>>;

/**
 * Queues the pushes of messages for the people they notify (called by the notification job,
 * which decided who: DMs, mentions, @room/@here), one job per message and device. Keyed by
 * message and device, so a re-run of the notification job — or the sweep of rooms set to "all"
 * finding the same message — queues nothing twice. One lookup of devices for all the messages;
 * people without a device cost nothing more.
 */
export async function enqueueMessagePushes(
  ctx: Pick<JobContext, "db" | "bus">,
  recipientsByMessage: PushRecipients,
): Promise<number> {
  const userIds = new Set([...recipientsByMessage.values()].flatMap((list) => list.map((r) => r.userId)));
  if (userIds.size === 0) return 0;
  const subs = await ctx.db
    .selectFrom("push_subscriptions")
    .select(["id", "user_id"])
    .where("user_id", "in", [...userIds])
    .execute();
  if (subs.length === 0) return 0;
  const devicesOf = new Map<string, string[]>();
  for (const sub of subs) devicesOf.set(sub.user_id, [...(devicesOf.get(sub.user_id) ?? []), sub.id]);
  let queued = 0;
  await runAction(ctx, async ({ enqueue }) => {
    for (const [messageId, recipients] of recipientsByMessage) {
      for (const { userId, mention } of recipients) {
        for (const subscriptionId of devicesOf.get(userId) ?? []) {
          await enqueue(
            PUSH_DELIVER_JOB,
            { kind: "message", subscriptionId, messageId, mention },
            { key: `${messageId}:${subscriptionId}` },
          );
          queued += 1;
        }
      }
    }
  });
  return queued;
}
