import type { Database } from "@parley/db";
import type { PublicUser } from "@parley/protocol";
import type { Kysely } from "kysely";

/**
 * Up to 20 active people whose display name starts with (or contains a word starting with)
 * the text, or whose email starts with it. Case-insensitive on both databases.
 */
export async function searchUsers(
  db: Kysely<Database>,
  text: string,
  excludeId: string,
): Promise<PublicUser[]> {
  const q = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db
    .selectFrom("users")
    .select(["id", "display_name"])
    .where("deactivated_at", "is", null)
    .where("id", "<>", excludeId)
    .where((eb) =>
      eb.or([
        eb(eb.fn("lower", ["display_name"]), "like", `${q}%`),
        eb(eb.fn("lower", ["display_name"]), "like", `% ${q}%`),
        eb("email", "like", `${q}%`),
      ]),
    )
    .orderBy("display_name")
    .limit(20)
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}
