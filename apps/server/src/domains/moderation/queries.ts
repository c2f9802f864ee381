import type { Database } from "@parley/db";
import type { AuditEntry, Ban, Member } from "@parley/protocol";
import type { Kysely } from "kysely";

const LIST_LIMIT = 500;

/** Members of a room with their roles, owners first, then by name. */
export async function listMembers(db: Kysely<Database>, roomId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom("room_members")
    .innerJoin("users", "users.id", "room_members.user_id")
    .select([
      "users.id",
      "users.display_name",
      "room_members.role",
      "room_members.joined_at",
      "room_members.muted_until",
    ])
    .where("room_members.room_id", "=", roomId)
    .orderBy("users.display_name")
    .limit(LIST_LIMIT)
    .execute();
  const rank = { owner: 0, admin: 1, moderator: 2, member: 3 } as const;
  return rows
    .map((r) => ({
      user: { id: r.id, displayName: r.display_name },
      role: r.role,
      joinedAt: r.joined_at,
      mutedUntil: r.muted_until,
    }))
    .sort((a, b) => rank[a.role] - rank[b.role]);
}

/** Active bans of a room, newest first. */
export async function listBans(db: Kysely<Database>, roomId: string, now = new Date()): Promise<Ban[]> {
  const rows = await db
    .selectFrom("room_bans")
    .innerJoin("users as banned", "banned.id", "room_bans.user_id")
    .innerJoin("users as by", "by.id", "room_bans.banned_by")
    .select([
      "banned.id as user_id",
      "banned.display_name as user_name",
      "by.id as by_id",
      "by.display_name as by_name",
      "room_bans.reason",
      "room_bans.created_at",
      "room_bans.expires_at",
    ])
    .where("room_bans.room_id", "=", roomId)
    .where((eb) =>
      eb.or([eb("room_bans.expires_at", "is", null), eb("room_bans.expires_at", ">", now.toISOString())]),
    )
    .orderBy("room_bans.created_at", "desc")
    .limit(LIST_LIMIT)
    .execute();
  return rows.map((r) => ({
    user: { id: r.user_id, displayName: r.user_name },
    reason: r.reason,
    bannedBy: { id: r.by_id, displayName: r.by_name },
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  }));
}

/** A room's audit log, newest first. */
export async function listAudit(db: Kysely<Database>, roomId: string): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom("audit_log")
    .innerJoin("users as actor", "actor.id", "audit_log.actor_id")
    .leftJoin("users as target", "target.id", "audit_log.target_user_id")
    .select([
      "audit_log.id",
      "audit_log.action",
      "audit_log.details",
      "audit_log.created_at",
      "actor.id as actor_id",
      "actor.display_name as actor_name",
      "target.id as target_id",
      "target.display_name as target_name",
    ])
    .where("audit_log.room_id", "=", roomId)
    .orderBy("audit_log.created_at", "desc")
    .orderBy("audit_log.id")
    .limit(LIST_LIMIT)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    action: r.action as AuditEntry["action"],
    actor: { id: r.actor_id, displayName: r.actor_name },
    target: r.target_id && r.target_name ? { id: r.target_id, displayName: r.target_name } : null,
    details: JSON.parse(r.details) as Record<string, unknown>,
    createdAt: r.created_at,
  }));
}
