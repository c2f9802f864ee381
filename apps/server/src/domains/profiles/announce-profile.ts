import type { Profile } from "@parley/protocol";
import type { ActionTx } from "../../db/run-action";
import { roomTopic, userTopic } from "../../realtime/bus";

/**
 * Tells everyone who shows this person that their profile changed: their own devices (user
 * topic) and the members of every room they are in (room topics, conversations included).
 *
 * Why room topics rather than one event per room-mate: the cost is one publish per room the
 * person is in (tens), not one per distinct room-mate (thousands in a big channel), and each
 * node's hub already fans a room topic out to its local members. The event carries the whole
 * profile, so no recipient has to fetch it. A client in several rooms with the person hears the
 * same event on each topic: a connection forwards one object once (connection.ts), and the
 * web client's cache write is idempotent anyway.
 */
export async function announceProfile(action: ActionTx, profile: Profile): Promise<void> {
  const rooms = await action.tx
    .selectFrom("room_members")
    .select("room_id")
    .where("user_id", "=", profile.id)
    .execute();
  const event = { type: "profile.updated", profile } as const;
  action.publish(userTopic(profile.id), event);
  for (const { room_id } of rooms) action.publish(roomTopic(room_id), event);
}
