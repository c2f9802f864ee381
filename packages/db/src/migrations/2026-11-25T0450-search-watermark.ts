import { type Kysely, sql } from "kysely";

// Search indexing per room and window instead of per stored batch: rooms.indexed_seq is how far
// the index has read the room's log. Every room was fully indexed by the search migration (and
// by its per-batch jobs since), so it starts at the room's last seq.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("rooms")
    .addColumn("indexed_seq", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update rooms set indexed_seq = last_seq`.execute(db);
}
