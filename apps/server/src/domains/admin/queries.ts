import type { Database } from "@parley/db";
import type { AdminUser, Room } from "@parley/protocol";
import type { Kysely } from "kysely";
import { listAllRooms } from "../rooms/queries";

/** Every account, newest first (first 1,000). */
export async function listUsers(db: Kysely<Database>): Promise<AdminUser[]> {
  const rows = await db.selectFrom("users").selectAll().orderBy("created_at", "desc").limit(1000).execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    createdAt: r.created_at,
    isAdmin: Number(r.is_admin) === 1,
    deactivated: r.deactivated_at !== null,
  }));
}

/** Every channel on the server, public and private (not the content of DMs). */
export function listRooms(db: Kysely<Database>, adminId: string): Promise<Room[]> {
  return listAllRooms(db, adminId);
}
