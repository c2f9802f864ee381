import type { Database } from "@parley/db";
import type { Message } from "@parley/protocol";
import type { Kysely } from "kysely";

type Reactions = NonNullable<Message["reactions"]>;

/**
 * Fills in `reactions` on messages (an empty array when there are none), with one query for the
 * whole page: each emoji in the order it was first used, its reactors in the order they came.
 */
export async function withReactions<M extends { id: string; kind: string; reactions?: Reactions }>(
  db: Kysely<Database>,
  messages: M[],
): Promise<M[]> {
  const ids = messages.filter((m) => m.kind === "message").map((m) => m.id);
  const byMessage = new Map<string, Reactions>();
  if (ids.length > 0) {
    const rows = await db
      .selectFrom("message_reactions")
      .select(["message_id", "emoji", "user_id"])
      .where("message_id", "in", ids)
      .orderBy("created_at")
      .orderBy("user_id")
      .execute();
    for (const row of rows) {
      const list = byMessage.get(row.message_id) ?? [];
      const entry = list.find((r) => r.emoji === row.emoji);
      if (entry) entry.userIds.push(row.user_id);
      else list.push({ emoji: row.emoji, userIds: [row.user_id] });
      byMessage.set(row.message_id, list);
    }
  }
  for (const m of messages) if (m.kind === "message") m.reactions = byMessage.get(m.id) ?? [];
  return messages;
}
