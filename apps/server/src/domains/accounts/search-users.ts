import type { Database } from "@parley/db";
import type { PublicUser } from "@parley/protocol";
import type { Kysely } from "kysely";
import { escapeLike, likeInsensitive } from "../../db/like";

/**
 * Up to 20 active people whose display name starts with (or contains a word starting with)
 * the text, or whose email starts with it. Case-insensitive on both databases.
 */
export async function searchUsers(
  db: Kysely<Database>,
  text: string,
  excludeId: string,
): Promise<PublicUser[]> {
  const q = escapeLike(text);
  const rows = await db
    .selectFrom("users")
    .select(["id", "display_name"])
    .where("deactivated_at", "is", null)
    .where("id", "<>", excludeId)
    .where((eb) =>
      eb.or([
        likeInsensitive(eb.ref("display_name"), `${q}%`),
        likeInsensitive(eb.ref("display_name"), `% ${q}%`),
        likeInsensitive(eb.ref("email"), `${q}%`),
      ]),
    )
    .orderBy("display_name")
    .limit(20)
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}
