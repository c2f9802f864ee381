import type { AppContext } from "../../context";
import { deliverPushJob } from "./deliver-push";
import { createWebPushSender, type PushSender } from "./push-sender";
import { PushSweeper } from "./sweep-pushes";
import { loadOrCreateVapidKeys } from "./vapid-keys";

export interface PushSetup {
  sender: PushSender;
  sweeper: PushSweeper;
  job: ReturnType<typeof deliverPushJob>;
}

/** Web Push for this server: its VAPID keys (made on first start), the sender, the sweep. */
export function setupPush(ctx: Pick<AppContext, "config" | "db" | "bus" | "log">): PushSetup {
  const { push, dataDir } = ctx.config;
  const sender = createWebPushSender(loadOrCreateVapidKeys(dataDir), push.subject, {
    trustedCa: push.trustedCa,
  });
  return { sender, sweeper: new PushSweeper(ctx, push.sweepMs), job: deliverPushJob(sender) };
}
