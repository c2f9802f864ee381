import type { Database } from "@parley/db";
import type { Profile } from "@parley/protocol";
import type { Kysely } from "kysely";
import { PROFILE_COLUMNS, toProfile } from "./to-profile";

/**
 * The profiles of these people, in no particular order; unknown ids are left out. Any
 * signed-in user may read anyone's profile, as they may find anyone in the people search.
 */
export async function loadProfiles(db: Kysely<Database>, ids: readonly string[]): Promise<Profile[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("users").select(PROFILE_COLUMNS).where("id", "in", ids).execute();
  return rows.map(toProfile);
}

/** Whether any account or channel still shows this image (large or small), so it must be kept. */
export async function avatarImageInUse(db: Kysely<Database>, hash: string): Promise<boolean> {
  const person = await db
    .selectFrom("users")
    .select("id")
    .where((eb) => eb.or([eb("avatar_hash", "=", hash), eb("avatar_thumb_hash", "=", hash)]))
    .limit(1)
    .executeTakeFirst();
  if (person) return true;
  // Channels' pictures live in the same store: the same image may be both.
  const room = await db
    .selectFrom("rooms")
    .select("id")
    .where((eb) => eb.or([eb("avatar_hash", "=", hash), eb("avatar_thumb_hash", "=", hash)]))
    .limit(1)
    .executeTakeFirst();
  return room !== undefined;
}
