import { randomUUID } from "node:crypto";
import { isUniqueViolation } from "@parley/db";
import type { Room } from "@parley/protocol";
import type { AppContext } from "../../context";
import { runAction } from "../../db/run-action";
import { AppError } from "../../errors";
import { userTopic } from "../../realtime/bus";
import { getRoom } from "../rooms/queries";

/**
 * Finds or creates the direct conversation between the user and these people: a 1:1 "dm"
 * for one other person, a "group" (no owner, fixed members) for more. The sorted member ids
 * are the conversation's unique key, so opening it again — from either side — returns the
 * same room, also when two people open it at the same moment.
 */
export async function openConversation(
  ctx: Pick<AppContext, "db" | "bus">,
  userId: string,
  otherIds: string[],
): Promise<{ room: Room; created: boolean }> {
  const others = [...new Set(otherIds)].filter((id) => id !== userId);
  if (others.length === 0) throw new AppError("VALIDATION_FAILED", "Choose someone other than yourself");
  const members = [userId, ...others].sort();
  const dmKey = members.join(":");

  const existing = await findByKey(ctx, dmKey, userId);
  if (existing) return { room: existing, created: false };

  const people = await ctx.db
    .selectFrom("users")
    .select("id")
    .where("id", "in", others)
    .where("deactivated_at", "is", null)
    .execute();
  if (people.length !== others.length) throw new AppError("NOT_FOUND", "Some of those people do not exist");

  const id = randomUUID();
  const now = new Date().toISOString();
  try {
    await runAction(ctx, async ({ tx, publish }) => {
      await tx
        .insertInto("rooms")
        .values({
          id,
          kind: others.length === 1 ? "dm" : "group",
          dm_key: dmKey,
          name: "",
          topic: "",
          visibility: "private",
          created_by: userId,
          created_at: now,
          last_seq: 0,
        })
        .execute();
      await tx
        .insertInto("room_members")
        .values(
          members.map((member) => ({
            room_id: id,
            user_id: member,
            role: "member" as const,
            joined_at: now,
          })),
        )
        .execute();
      for (const member of members) {
        const room = await getRoom(tx, id, member);
        publish(userTopic(member), { type: "membership", roomId: id, userId: member, joined: true, room });
      }
    });
  } catch (error) {
    // Opened by someone else at the same moment: theirs is the one.
    if (!isUniqueViolation(error)) throw error;
    const raced = await findByKey(ctx, dmKey, userId);
    if (raced) return { room: raced, created: false };
    throw error;
  }
  const room = await getRoom(ctx.db, id, userId);
  if (!room) throw new Error("conversation vanished after insert");
  return { room, created: true };
}

async function findByKey(ctx: Pick<AppContext, "db">, dmKey: string, userId: string): Promise<Room | null> {
  const row = await ctx.db.selectFrom("rooms").select("id").where("dm_key", "=", dmKey).executeTakeFirst();
  return row ? getRoom(ctx.db, row.id, userId) : null;
}
