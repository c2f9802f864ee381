import type { Kysely } from "kysely";
import { sql } from "kysely";

// A thread's replies in order, indexed only for thread replies: every other message had an
// entry (NULL, seq) in this index too, scattered by seq across rooms, so each send batch
// dirtied a page of it per room for nothing. The queries that use it name a root
// (thread_root_id = …), which implies IS NOT NULL: both databases still pick it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("messages_thread_root_seq_idx").execute();
  await db.schema
    .createIndex("messages_thread_root_seq_idx")
    .on("messages")
    .columns(["thread_root_id", "seq"])
    .where(sql.ref("thread_root_id"), "is not", null)
    .execute();
}
