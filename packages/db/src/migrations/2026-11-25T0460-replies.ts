import type { Kysely } from "kysely";

// Replies: a message may answer an earlier message of its room (shown as a quote that jumps to
// it). No foreign key: the target keeps its row when deleted, and rooms go with all their rows.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("messages").addColumn("reply_to_id", "text").execute();
}
