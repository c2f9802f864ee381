import type { Kysely } from "kysely";

// Delivery receipts: the highest sequence each member's devices have received in a room.
// Cumulative (a receipt for seq N covers everything up to N), so one integer per membership.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("room_members")
    .addColumn("received_seq", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}
