import type { Kysely } from "kysely";

// Reactions: who reacted with which emoji on which message (one row each; the primary key makes
// adding twice a no-op). Each change is also a log entry ('reaction' / 'unreaction'), so it
// reaches resuming clients; messages.event_seq is the seq of the newest event applied to a
// message, so a client can tell an older copy of it from a newer one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("message_reactions")
    .addColumn("message_id", "text", (c) => c.notNull().references("messages.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("emoji", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("message_reactions_pk", ["message_id", "emoji", "user_id"])
    .execute();
  await db.schema
    .alterTable("messages")
    .addColumn("event_seq", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}
