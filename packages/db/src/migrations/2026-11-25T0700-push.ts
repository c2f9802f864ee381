import type { Kysely } from "kysely";

// Web Push.
// push_subscriptions: one browser's subscription (a device), as the browser's PushManager gave
// it: the push service's endpoint URL (unique: a browser re-subscribing replaces its row) and the
// keys its payloads are encrypted to (RFC 8291). receipt_token is a random secret carried in
// every payload: the service worker's receipt names the subscription and proves it read the
// payload. last_sent_at / last_confirmed_at say whether pushes reach the device; unconfirmed_since
// is the first push sent after the last receipt (cleared by a receipt): a device whose pushes go
// unconfirmed for long is flagged. test_* are the "Send a test notification" round trip.
// push_settings: a person's push preferences (previews: 0 = notifications without message text).
// push_room_state: per person and room, the highest seq pushed (the watermark of rooms set to
// "all"), and whether a notification is probably shown, so one is closed when the room is read.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("push_subscriptions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("endpoint", "text", (c) => c.notNull().unique())
    .addColumn("p256dh", "text", (c) => c.notNull())
    .addColumn("auth", "text", (c) => c.notNull())
    .addColumn("user_agent", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("receipt_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_sent_at", "text")
    .addColumn("last_confirmed_at", "text")
    .addColumn("unconfirmed_since", "text")
    .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("test_sent_at", "text")
    .addColumn("test_confirmed_at", "text")
    .execute();
  await db.schema.createIndex("push_subscriptions_user").on("push_subscriptions").column("user_id").execute();

  await db.schema
    .createTable("push_settings")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("previews", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("push_room_state")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("room_id", "text", (c) => c.notNull().references("rooms.id").onDelete("cascade"))
    .addColumn("pushed_seq", "integer", (c) => c.notNull())
    .addColumn("shown", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("push_room_state_pk", ["user_id", "room_id"])
    .execute();
  await db.schema.createIndex("push_room_state_shown").on("push_room_state").column("shown").execute();
  // The sweep of rooms set to "all" starts from the few memberships with notify = 'all'.
  await db.schema.createIndex("room_members_notify").on("room_members").column("notify").execute();
}
