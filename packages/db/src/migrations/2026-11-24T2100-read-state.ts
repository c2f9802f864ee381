import type { Kysely } from "kysely";

// Read state and notifications: each member's read pointer (the highest seq they have seen),
// their notification level per room, and the inbox of mentions and direct messages that the
// notification job fills.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("room_members")
    .addColumn("read_seq", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // "all" | "mentions" | "mute"; NULL: the default for the room's kind (DMs all, channels mentions).
  await db.schema.alterTable("room_members").addColumn("notify", "text").execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("room_id", "text", (c) => c.notNull().references("rooms.id").onDelete("cascade"))
    .addColumn("message_id", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // "mention" | "room" (@room) | "here" (@here) | "dm"
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  // One notification per person per message: the job that writes them may run twice.
  await db.schema
    .createIndex("notifications_user_message_uq")
    .on("notifications")
    .columns(["user_id", "message_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("notifications_user_room_idx")
    .on("notifications")
    .columns(["user_id", "room_id", "seq"])
    .execute();
  await db.schema
    .createIndex("notifications_user_created_idx")
    .on("notifications")
    .columns(["user_id", "created_at"])
    .execute();
}
