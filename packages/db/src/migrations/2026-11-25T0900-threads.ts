import type { Kysely } from "kysely";

// Threads: a reply in a thread is a message of the room's log with thread_root_id (the root, a
// message of the same room that is not itself a thread reply). The root keeps its thread's
// summary (reply count, newest reply's seq and time, the last three repliers as a JSON array of
// {id, displayName}), updated in the transaction that stores the replies, so history pages
// carry it without counting. thread_follows holds who follows which thread and how far they
// have read it (a room seq); a row with following = 0 remembers an explicit unfollow.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("messages").addColumn("thread_root_id", "text").execute();
  await db.schema
    .alterTable("messages")
    .addColumn("thread_reply_count", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable("messages")
    .addColumn("thread_last_seq", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("messages").addColumn("thread_last_at", "text").execute();
  await db.schema.alterTable("messages").addColumn("thread_repliers", "text").execute();
  // A thread's replies in order (the thread panel's pages, unread counts per thread).
  await db.schema
    .createIndex("messages_thread_root_seq_idx")
    .on("messages")
    .columns(["thread_root_id", "seq"])
    .execute();

  await db.schema
    .createTable("thread_follows")
    .addColumn("root_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("room_id", "text", (c) => c.notNull().references("rooms.id").onDelete("cascade"))
    .addColumn("following", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("read_seq", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("thread_follows_pk", ["root_id", "user_id"])
    .execute();
  // "The threads I follow" for the Threads view and its badge.
  await db.schema
    .createIndex("thread_follows_user_idx")
    .on("thread_follows")
    .columns(["user_id", "following"])
    .execute();
}
