import type { Kysely } from "kysely";

// Presence: when each person was last seen. Written when their first connection comes online
// and when their last one goes (presence itself is in memory, never stored), so a crashed
// server still leaves a "last seen" no older than the person's last connect.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("users").addColumn("last_seen_at", "text").execute();
}
