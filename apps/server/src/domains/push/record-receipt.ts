import { createHash, timingSafeEqual } from "node:crypto";
import type { Database } from "@parley/db";
import type { PushReceiptRequest } from "@parley/protocol";
import type { Kysely } from "kysely";
import { AppError } from "../../errors";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * The service worker says a push reached the device: it confirms the device (and a test's
 * round trip). The route is public — the worker may run with no session (signed out, cookie
 * expired) — and the subscription's receipt token, which only ever travels inside the
 * encrypted payload, proves the caller read a push of that subscription. Compared in constant
 * time; a wrong token is the same "not found" as an unknown subscription.
 */
export async function recordPushReceipt(db: Kysely<Database>, receipt: PushReceiptRequest): Promise<void> {
  const sub = await db
    .selectFrom("push_subscriptions")
    .select(["id", "receipt_token"])
    .where("id", "=", receipt.subscriptionId)
    .executeTakeFirst();
  if (!sub || !timingSafeEqual(digest(sub.receipt_token), digest(receipt.token))) {
    throw new AppError("PUSH_DEVICE_NOT_FOUND", "No such push subscription");
  }
  const now = new Date().toISOString();
  await db
    .updateTable("push_subscriptions")
    .set({
      last_confirmed_at: now,
      unconfirmed_since: null,
      ...(receipt.type === "test" ? { test_confirmed_at: now } : {}),
    })
    .where("id", "=", sub.id)
    .execute();
}
