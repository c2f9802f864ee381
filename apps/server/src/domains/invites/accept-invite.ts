import type { Room } from "@parley/protocol";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { addMember } from "../rooms/add-member";
import { getRoom } from "../rooms/queries";

/**
 * Joins the room an invite link was made for and counts the use. The caller has resolved the
 * code to a usable invite and authorised the join (room.join.invited: a ban still bars). The
 * use is counted with a guarded update, so two people racing for the last use of a
 * single-use link cannot both get in.
 */
export async function acceptInvite(
  ctx: Pick<AppContext, "db" | "bus">,
  userId: string,
  invite: { id: string; roomId: string },
  alreadyMember: boolean,
): Promise<Room> {
  let added: Room | null = null;
  if (!alreadyMember) {
    const counted = await ctx.db
      .updateTable("room_invites")
      .set((eb) => ({ uses: eb("uses", "+", 1) }))
      .where("id", "=", invite.id)
      .where("revoked_at", "is", null)
      .where((eb) => eb.or([eb("max_uses", "is", null), eb("uses", "<", eb.ref("max_uses"))]))
      .executeTakeFirst();
    if (Number(counted.numUpdatedRows) === 0)
      throw new AppError("INVITE_INVALID", "This invite link is no longer valid");
    added = (await addMember(ctx, invite.roomId, userId)).room;
  }
  const room = added ?? (await getRoom(ctx.db, invite.roomId, userId));
  if (!room) throw new AppError("INVITE_INVALID", "This invite link is no longer valid");
  return room;
}
