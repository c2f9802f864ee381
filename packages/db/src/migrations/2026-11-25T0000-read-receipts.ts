import type { Kysely } from "kysely";

// Read receipts per room: 'auto' (on for DMs and rooms up to RECEIPTS_AUTO_MAX_MEMBERS
// members), 'on' or 'off' by a room admin's choice. The read pointers themselves already
// exist (room_members.read_seq).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("rooms")
    .addColumn("read_receipts", "text", (c) => c.notNull().defaultTo("auto"))
    .execute();
}
