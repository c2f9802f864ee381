import type { Kysely } from "kysely";

// Conversations and moderation: DMs and group DMs next to channels, private channels,
// invites, bans, mutes, slow mode, archive, audit log, server admins and deactivation.
export async function up(db: Kysely<unknown>): Promise<void> {
  // "channel" (named room, public or private), "dm" (1:1) or "group" (small group DM, no owner).
  await db.schema
    .alterTable("rooms")
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("channel"))
    .execute();
  // For DMs and group DMs: the sorted member ids, so opening the same conversation again finds it.
  await db.schema.alterTable("rooms").addColumn("dm_key", "text").execute();
  await db.schema.createIndex("rooms_dm_key_uq").on("rooms").column("dm_key").unique().execute();
  await db.schema
    .alterTable("rooms")
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.alterTable("rooms").addColumn("archived_at", "text").execute();
  await db.schema
    .alterTable("rooms")
    .addColumn("slow_mode_seconds", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema.alterTable("room_members").addColumn("muted_until", "text").execute();
  await db.schema.alterTable("room_members").addColumn("last_posted_at", "text").execute();

  await db.schema
    .alterTable("users")
    .addColumn("is_admin", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("users").addColumn("deactivated_at", "text").execute();

  await db.schema
    .createTable("room_bans")
    .addColumn("room_id", "text", (c) => c.notNull().references("rooms.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("banned_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    // Null: until lifted.
    .addColumn("expires_at", "text")
    .addPrimaryKeyConstraint("room_bans_pk", ["room_id", "user_id"])
    .execute();

  await db.schema
    .createTable("room_invites")
    .addColumn("id", "text", (c) => c.primaryKey())
    // sha256 of the code in the link; the code itself is shown once, to its creator.
    .addColumn("code_hash", "text", (c) => c.notNull().unique())
    .addColumn("room_id", "text", (c) => c.notNull().references("rooms.id").onDelete("cascade"))
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text")
    .addColumn("max_uses", "integer")
    .addColumn("uses", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("room_invites_room_idx").on("room_invites").column("room_id").execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("room_id", "text", (c) => c.references("rooms.id").onDelete("cascade"))
    .addColumn("actor_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target_user_id", "text", (c) => c.references("users.id"))
    // JSON text: reason, duration, old and new role, …
    .addColumn("details", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("audit_log_room_idx")
    .on("audit_log")
    .columns(["room_id", "created_at"])
    .execute();
}
