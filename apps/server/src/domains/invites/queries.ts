import type { Database } from "@parley/db";
import type { Invite } from "@parley/protocol";
import type { Kysely } from "kysely";
import { hashInviteCode } from "./invite-codes";

function selectInvites(db: Kysely<Database>) {
  return db
    .selectFrom("room_invites")
    .innerJoin("users", "users.id", "room_invites.created_by")
    .select([
      "room_invites.id",
      "room_invites.room_id",
      "room_invites.created_at",
      "room_invites.expires_at",
      "room_invites.max_uses",
      "room_invites.uses",
      "room_invites.revoked_at",
      "users.id as creator_id",
      "users.display_name as creator_name",
    ]);
}

type InviteRow = Awaited<ReturnType<ReturnType<typeof selectInvites>["executeTakeFirstOrThrow"]>>;

export function toInvite(r: InviteRow): Invite {
  return {
    id: r.id,
    roomId: r.room_id,
    createdBy: { id: r.creator_id, displayName: r.creator_name },
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    maxUses: r.max_uses === null ? null : Number(r.max_uses),
    uses: Number(r.uses),
    revoked: r.revoked_at !== null,
  };
}

/** A room's invite links, newest first. */
export async function listInvites(db: Kysely<Database>, roomId: string): Promise<Invite[]> {
  const rows = await selectInvites(db)
    .where("room_invites.room_id", "=", roomId)
    .orderBy("room_invites.created_at", "desc")
    .limit(200)
    .execute();
  return rows.map(toInvite);
}

/** The invite behind a code, if it can still be used (not revoked, expired or used up). */
export async function findUsableInvite(
  db: Kysely<Database>,
  code: string,
  now = new Date(),
): Promise<Invite | null> {
  const row = await selectInvites(db)
    .where("room_invites.code_hash", "=", hashInviteCode(code))
    .executeTakeFirst();
  if (!row) return null;
  const invite = toInvite(row);
  const expired = invite.expiresAt !== null && invite.expiresAt <= now.toISOString();
  const usedUp = invite.maxUses !== null && invite.uses >= invite.maxUses;
  return invite.revoked || expired || usedUp ? null : invite;
}
