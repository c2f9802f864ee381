import type { Member, Room } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { AppError } from "../../errors";
import { roomTopic, userTopic } from "../../realtime/bus";
import { countMembers, getRoom } from "./queries";

/**
 * Makes someone a member (added by another member, or through an invite link). Adding a
 * member twice is a no-op. Their devices see the room appear; the room hears the new count.
 * Authorised by the caller. `room` is the room as the new member sees it, read in the same
 * transaction (null when they already were a member).
 */
export async function addMember(
  ctx: Pick<AppContext, "db" | "bus">,
  roomId: string,
  userId: string,
): Promise<{ member: Member; room: Room | null }> {
  return runAction(ctx, async ({ tx, publish }) => {
    const user = await tx
      .selectFrom("users")
      .select(["id", "display_name", "deactivated_at"])
      .where("id", "=", userId)
      .executeTakeFirst();
    if (!user || user.deactivated_at) throw new AppError("NOT_FOUND", "No such person");
    const joinedAt = new Date().toISOString();
    const inserted = await tx
      .insertInto("room_members")
      .values({ room_id: roomId, user_id: userId, role: "member", joined_at: joinedAt })
      .onConflict((oc) => oc.columns(["room_id", "user_id"]).doNothing())
      .executeTakeFirst();
    const added = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    // A new membership is the row just written; an existing one is read as it is.
    const row = added
      ? { role: "member" as const, joined_at: joinedAt, muted_until: null }
      : await tx
          .selectFrom("room_members")
          .select(["role", "joined_at", "muted_until"])
          .where("room_id", "=", roomId)
          .where("user_id", "=", userId)
          .executeTakeFirstOrThrow();
    let room: Room | null = null;
    if (added) {
      room = await getRoom(tx, roomId, userId);
      publish(userTopic(userId), { type: "membership", roomId, userId, joined: true, room });
      publish(roomTopic(roomId), {
        type: "room.members",
        roomId,
        memberCount: room?.memberCount ?? (await countMembers(tx, roomId)),
      });
    }
    const member: Member = {
      user: { id: user.id, displayName: user.display_name },
      role: row.role,
      joinedAt: row.joined_at,
      mutedUntil: row.muted_until,
    };
    return { member, room };
  });
}
