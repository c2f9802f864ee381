import type { Kysely } from "kysely";

// The room log: besides messages, the messages table holds events on earlier messages (a
// deletion now; edits and reactions later), each with its own seq, so the per-room sequence
// stays the one gapless stream clients resume from. A deleted message keeps its row and seq
// (the timeline shows where it was) but loses its body.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("messages")
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("message"))
    .execute();
  // For events: the message they act on.
  await db.schema.alterTable("messages").addColumn("target_id", "text").execute();
  await db.schema.alterTable("messages").addColumn("deleted_at", "text").execute();
  // Who deleted it: the author, or a moderator (the audit log says which one).
  await db.schema.alterTable("messages").addColumn("deleted_by", "text").execute();
}
