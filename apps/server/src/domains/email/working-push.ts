import type { Database } from "@parley/db";
import type { Kysely } from "kysely";

/**
 * Of these people, the ones push reaches: a push subscription whose delivery a device
 * confirmed within `withinMs`. The one place the email digest reads the push tables.
 */
export async function peopleWithWorkingPush(
  db: Kysely<Database>,
  userIds: readonly string[],
  withinMs: number,
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const since = new Date(Date.now() - withinMs).toISOString();
  const rows = await db
    .selectFrom("push_subscriptions")
    .select("user_id")
    .distinct()
    .where("user_id", "in", [...userIds])
    .where("last_confirmed_at", ">=", since)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}
