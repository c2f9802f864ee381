import type { Kysely } from "kysely";

// Profiles: a one-line status, and the avatar as the content hashes (sha256, hex) of its two
// stored images (256 px and 64 px webp squares) in the media store; NULL: no avatar.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("users")
    .addColumn("status_text", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.alterTable("users").addColumn("avatar_hash", "text").execute();
  await db.schema.alterTable("users").addColumn("avatar_thumb_hash", "text").execute();
  // Replacing an avatar deletes the old images only when nobody else uses the same ones
  // (content addressing shares identical files): these make that check an index lookup.
  await db.schema.createIndex("users_avatar_hash_idx").on("users").column("avatar_hash").execute();
  await db.schema
    .createIndex("users_avatar_thumb_hash_idx")
    .on("users")
    .column("avatar_thumb_hash")
    .execute();
}
