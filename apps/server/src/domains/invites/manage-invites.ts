import { randomUUID } from "node:crypto";
import type { CreateInviteResponse } from "@parley/protocol";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { hashInviteCode, newInviteCode } from "./invite-codes";
import { listInvites } from "./queries";

/** Makes an invite link for one room. The code is returned once and stored only hashed. */
export async function createInvite(
  ctx: Pick<AppContext, "db">,
  actorId: string,
  roomId: string,
  input: { expiresInSeconds?: number; maxUses?: number },
): Promise<CreateInviteResponse> {
  const code = newInviteCode();
  const now = new Date();
  const id = randomUUID();
  await ctx.db
    .insertInto("room_invites")
    .values({
      id,
      code_hash: hashInviteCode(code),
      room_id: roomId,
      created_by: actorId,
      created_at: now.toISOString(),
      expires_at: input.expiresInSeconds
        ? new Date(now.getTime() + input.expiresInSeconds * 1000).toISOString()
        : null,
      max_uses: input.maxUses ?? null,
      revoked_at: null,
    })
    .execute();
  const invite = (await listInvites(ctx.db, roomId)).find((i) => i.id === id);
  if (!invite) throw new Error("invite vanished after insert");
  return { invite, code };
}

/** Revokes a link of this room (a link of another room is "not found"). */
export async function revokeInvite(
  ctx: Pick<AppContext, "db">,
  roomId: string,
  inviteId: string,
): Promise<void> {
  const result = await ctx.db
    .updateTable("room_invites")
    .set({ revoked_at: new Date().toISOString() })
    .where("id", "=", inviteId)
    .where("room_id", "=", roomId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError("NOT_FOUND", "No such invite in this room");
}
