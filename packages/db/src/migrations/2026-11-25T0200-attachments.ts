import type { Kysely } from "kysely";

// Attachments: files uploaded to a room, pending (message_id NULL, visible only to the
// uploader, pruned after a day) until a message of that room carries them. The bytes are in
// the media store's "attachments" namespace under their sha256 (content-addressed: identical
// uploads share one blob, so a blob is deleted only when no row names it any more).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("attachments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("room_id", "text", (c) => c.notNull().references("rooms.id").onDelete("cascade"))
    .addColumn("uploader_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("message_id", "text", (c) => c.references("messages.id").onDelete("cascade"))
    // "image" | "video" | "file", decided from the bytes.
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("width", "integer")
    .addColumn("height", "integer")
    .addColumn("thumb_sha256", "text")
    // Its place among its message's files (the order the sender chose them in).
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  // A message's files, loaded for a page of history in one query.
  await db.schema.createIndex("attachments_message_idx").on("attachments").column("message_id").execute();
  // The uploader's quota (sum of sizes) and their pending uploads.
  await db.schema.createIndex("attachments_uploader_idx").on("attachments").column("uploader_id").execute();
  // "Does any row still name this blob?" before deleting it.
  await db.schema.createIndex("attachments_sha256_idx").on("attachments").column("sha256").execute();
  await db.schema
    .createIndex("attachments_thumb_sha256_idx")
    .on("attachments")
    .column("thumb_sha256")
    .execute();
}
