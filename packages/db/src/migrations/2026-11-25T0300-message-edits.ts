import type { Kysely } from "kysely";

// Edits: an edit is a log entry (kind 'edit', its body the new text) that takes the room's next
// seq; the message row carries its newest text and edited_at. The texts it replaced are kept
// in message_versions (moderators see them), and deleted with the message.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("messages").addColumn("edited_at", "text").execute();
  await db.schema
    .createTable("message_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("message_id", "text", (c) => c.notNull().references("messages.id").onDelete("cascade"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("replaced_at", "text", (c) => c.notNull())
    .addColumn("replaced_by", "text", (c) => c.notNull().references("users.id"))
    .execute();
  await db.schema
    .createIndex("message_versions_message_idx")
    .on("message_versions")
    .columns(["message_id", "replaced_at"])
    .execute();
}
