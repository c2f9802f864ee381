import type { Room } from "@parley/protocol";
import type { AppContext } from "../../context";
import { addMember } from "./add-member";
import { getRoom } from "./queries";

/** The user joins the room as a member; joining twice is a no-op. Authorised by the caller. */
export async function joinRoom(
  ctx: Pick<AppContext, "db" | "bus">,
  userId: string,
  roomId: string,
): Promise<Room> {
  // Membership begins in one place (add-member.ts), as it ends in one (remove-member.ts).
  const added = await addMember(ctx, roomId, userId);
  const room = added.room ?? (await getRoom(ctx.db, roomId, userId));
  if (!room) throw new Error(`room ${roomId} vanished during join`);
  return room;
}
