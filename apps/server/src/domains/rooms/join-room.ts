import type { Room } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { roomTopic, userTopic } from "../../realtime/bus";
import { getRoom } from "./queries";

/** Adds the user to the room as a member; joining twice is a no-op. Authorised by the caller. */
export async function joinRoom(
  ctx: Pick<AppContext, "db" | "bus">,
  userId: string,
  roomId: string,
): Promise<Room> {
  return runAction(ctx, async ({ tx, publish }) => {
    const inserted = await tx
      .insertInto("room_members")
      .values({ room_id: roomId, user_id: userId, role: "member", joined_at: new Date().toISOString() })
      .onConflict((oc) => oc.columns(["room_id", "user_id"]).doNothing())
      .executeTakeFirst();
    const room = await getRoom(tx, roomId, userId);
    if (!room) throw new Error(`room ${roomId} vanished during join`);
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
      publish(userTopic(userId), { type: "membership", roomId, userId, joined: true, room });
      publish(roomTopic(roomId), { type: "room.members", roomId, memberCount: room.memberCount });
    }
    return room;
  });
}
