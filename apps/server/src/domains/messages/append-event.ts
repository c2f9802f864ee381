import type { Database } from "@parley/db";
import type { Message } from "@parley/protocol";
import type { Kysely } from "kysely";
import { timeOrderedId } from "../../db/time-ordered-id";
import { selectMessages, toMessage } from "./queries";

/**
 * Appends an event on a message (a deletion, an edit, a reaction) to its room's log, inside
 * the caller's transaction: the room's counter is bumped for it (so the log stays gapless and
 * ordered, under the same lock as sends), the entry is written, and the target records it as
 * its newest event (`event_seq`). Returns the entry as clients receive it.
 */
export async function appendEvent(
  tx: Kysely<Database>,
  event: {
    roomId: string;
    targetId: string;
    actorId: string;
    kind: "deletion" | "edit" | "reaction" | "unreaction";
    body: string;
    at: string;
    /** Defaults to `<kind>:<entry id>`; a deletion passes its own to make a second one impossible. */
    clientId?: string;
  },
): Promise<Message> {
  const { last_seq } = await tx
    .updateTable("rooms")
    .set((eb) => ({ last_seq: eb("last_seq", "+", 1) }))
    .where("id", "=", event.roomId)
    .returning("last_seq")
    .executeTakeFirstOrThrow();
  const seq = Number(last_seq);
  const id = timeOrderedId();
  await tx
    .insertInto("messages")
    .values({
      id,
      room_id: event.roomId,
      seq,
      author_id: event.actorId,
      client_id: event.clientId ?? `${event.kind}:${id}`,
      body: event.body,
      created_at: event.at,
      kind: event.kind,
      target_id: event.targetId,
    })
    .execute();
  await tx.updateTable("messages").set({ event_seq: seq }).where("id", "=", event.targetId).execute();
  return toMessage(await selectMessages(tx).where("messages.id", "=", id).executeTakeFirstOrThrow());
}
