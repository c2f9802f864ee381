import { randomBytes, randomUUID } from "node:crypto";
import type { Database, PushSubscriptionsTable } from "@parley/db";
import type { AdminPushDevice, PushDevice, PushSubscribeRequest } from "@parley/protocol";
import type { Kysely, Selectable } from "kysely";
import { AppError } from "../../errors";
import { deviceLabel } from "./device-label";

type Row = Selectable<PushSubscriptionsTable>;

/**
 * A device as its owner (and the administrator) sees it. Stale: pushes went out and none has
 * been confirmed for longer than the threshold — the device does not get them (notifications
 * blocked, the browser's push service dropping them, the app uninstalled) though the push
 * service still accepts them.
 */
export function toDevice(row: Row, staleAfterMs: number, now = Date.now()): PushDevice {
  const since = row.unconfirmed_since ? Date.parse(row.unconfirmed_since) : null;
  return {
    id: row.id,
    label: row.label,
    createdAt: row.created_at,
    lastSentAt: row.last_sent_at,
    lastConfirmedAt: row.last_confirmed_at,
    stale: since !== null && now - since > staleAfterMs,
    failures: Number(row.failures),
    lastError: row.last_error,
    testSentAt: row.test_sent_at,
    testConfirmedAt: row.test_confirmed_at,
  };
}

/**
 * Registers this browser's subscription for the signed-in person. The endpoint is unique: a
 * browser that subscribes again (new keys after a permission reset, or another account signing
 * in on the same browser) takes the row over, so pushes go to whoever subscribed last and a
 * shared computer never shows the previous account's messages.
 */
export async function subscribeDevice(
  db: Kysely<Database>,
  userId: string,
  input: PushSubscribeRequest & { endpoint: string },
  userAgent: string,
): Promise<Row> {
  const now = new Date().toISOString();
  const ua = userAgent.slice(0, 512);
  const row = {
    id: randomUUID(),
    user_id: userId,
    endpoint: input.endpoint,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    user_agent: ua,
    label: deviceLabel(ua),
    receipt_token: randomBytes(24).toString("base64url"),
    created_at: now,
    last_sent_at: null,
    last_confirmed_at: null,
    unconfirmed_since: null,
    failures: 0,
    last_error: null,
    test_sent_at: null,
    test_confirmed_at: null,
  };
  return db
    .insertInto("push_subscriptions")
    .values(row)
    .onConflict((oc) =>
      oc.column("endpoint").doUpdateSet({
        user_id: userId,
        p256dh: row.p256dh,
        auth: row.auth,
        user_agent: row.user_agent,
        label: row.label,
        receipt_token: row.receipt_token,
        created_at: now,
        last_sent_at: null,
        last_confirmed_at: null,
        unconfirmed_since: null,
        failures: 0,
        last_error: null,
        test_sent_at: null,
        test_confirmed_at: null,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listDevices(db: Kysely<Database>, userId: string): Promise<Row[]> {
  return db
    .selectFrom("push_subscriptions")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
}

/** Removes one of my devices; someone else's is not found (no existence leak). */
export async function removeDevice(db: Kysely<Database>, userId: string, deviceId: string): Promise<void> {
  const gone = await db
    .deleteFrom("push_subscriptions")
    .where("id", "=", deviceId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (Number(gone.numDeletedRows) === 0) throw new AppError("PUSH_DEVICE_NOT_FOUND", "No such device");
}

/** Every device of every account, for the administrator: who has push that does not work. */
export async function adminDevices(db: Kysely<Database>, staleAfterMs: number): Promise<AdminPushDevice[]> {
  const rows = await db
    .selectFrom("push_subscriptions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .selectAll("s")
    .select(["u.display_name", "u.email"])
    .orderBy("u.display_name")
    .orderBy("s.created_at", "desc")
    .limit(1000)
    .execute();
  const now = Date.now();
  return rows.map((r) => ({
    ...toDevice(r, staleAfterMs, now),
    user: { id: r.user_id, displayName: r.display_name, email: r.email },
  }));
}

export async function getPreviews(db: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("push_settings")
    .select("previews")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row ? Number(row.previews) === 1 : true;
}

export async function setPreviews(db: Kysely<Database>, userId: string, previews: boolean): Promise<void> {
  const value = previews ? 1 : 0;
  await db
    .insertInto("push_settings")
    .values({ user_id: userId, previews: value })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ previews: value }))
    .execute();
}
