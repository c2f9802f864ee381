import { randomUUID } from "node:crypto";
import type { Room } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { userTopic } from "../../realtime/bus";

/** Creates a channel (public or private) with its creator as owner. Input parsed and authorised. */
export async function createRoom(
  ctx: Pick<AppContext, "db" | "bus">,
  userId: string,
  input: { name: string; topic: string; description: string; visibility: "public" | "private" },
): Promise<Room> {
  const now = new Date().toISOString();
  const room: Room = {
    id: randomUUID(),
    kind: "channel",
    name: input.name,
    topic: input.topic,
    description: input.description,
    visibility: input.visibility,
    archived: false,
    slowModeSeconds: 0,
    readReceipts: "auto",
    avatarUrl: null,
    avatarThumbUrl: null,
    people: [],
    createdAt: now,
    lastSeq: 0,
    lastActivityAt: null,
    memberCount: 1,
    myRole: "owner",
    myMutedUntil: null,
    myNotify: "mentions",
  };
  return runAction(ctx, async ({ tx, publish }) => {
    await tx
      .insertInto("rooms")
      .values({
        id: room.id,
        kind: "channel",
        name: room.name,
        topic: room.topic,
        description: room.description,
        visibility: room.visibility,
        created_by: userId,
        created_at: now,
        last_seq: 0,
      })
      .execute();
    await tx
      .insertInto("room_members")
      .values({ room_id: room.id, user_id: userId, role: "owner", joined_at: now })
      .execute();
    publish(userTopic(userId), { type: "membership", roomId: room.id, userId, joined: true, room });
    return room;
  });
}
