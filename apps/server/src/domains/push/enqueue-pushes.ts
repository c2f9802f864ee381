import { runAction } from "../../db/run-action";
import type { JobContext } from "../../jobs/define-job";
import { PUSH_DELIVER_JOB } from "./deliver-push";

/**
 * Queues the pushes of a message for the people it notifies (called by the notification job,
 * which decided who: DMs, mentions, @room/@here), one job per device. Keyed by message and
 * device, so a re-run of the notification job — or the sweep of rooms set to "all" finding the
 * same message — queues nothing twice. People without a device cost one indexed lookup.
 */
export async function enqueueMessagePushes(
  ctx: Pick<JobContext, "db" | "bus">,
  messageId: string,
  recipients: ReadonlyArray<{ userId: string; mention: boolean }>,
): Promise<number> {
  if (recipients.length === 0) return 0;
  const subs = await ctx.db
    .selectFrom("push_subscriptions")
    .select(["id", "user_id"])
    .where(
      "user_id",
      "in",
      recipients.map((r) => r.userId),
    )
    .execute();
  if (subs.length === 0) return 0;
  const mention = new Map(recipients.map((r) => [r.userId, r.mention]));
  await runAction(ctx, async ({ enqueue }) => {
    for (const sub of subs) {
      await enqueue(
        PUSH_DELIVER_JOB,
        { kind: "message", subscriptionId: sub.id, messageId, mention: mention.get(sub.user_id) ?? false },
        { key: `${messageId}:${sub.id}` },
      );
    }
  });
  return subs.length;
}
