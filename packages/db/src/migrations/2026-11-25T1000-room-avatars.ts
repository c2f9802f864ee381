import type { Kysely } from "kysely";

// A channel's picture: the same two squares as a person's avatar (media store "avatars",
// named by content hash), null when the channel shows its "#".
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("rooms").addColumn("avatar_hash", "text").execute();
  await db.schema.alterTable("rooms").addColumn("avatar_thumb_hash", "text").execute();
}
