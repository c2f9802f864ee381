import { isMessageTooLong, MESSAGE_MAX_LENGTH, SendMessageRequest } from "@parley/protocol";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { parse } from "../../http/parse";
import { type Actor, authorize } from "../../rules/rules";
import { loadRoomAccess } from "../rooms/queries";

/**
 * Validates and authorises a send from untrusted input (REST body or socket frame), so both
 * entry points enforce exactly the same rules before sendMessage runs.
 */
export async function checkSend(
  ctx: Pick<AppContext, "db">,
  actor: Actor,
  roomId: string,
  raw: unknown,
): Promise<{ userId: string; input: SendMessageRequest }> {
  const input = parse(SendMessageRequest, raw);
  if (isMessageTooLong(input.body)) {
    throw new AppError("MESSAGE_TOO_LONG", `Messages can be at most ${MESSAGE_MAX_LENGTH} characters`);
  }
  const access = await loadRoomAccess(ctx.db, actor.kind === "user" ? actor.userId : null, roomId);
  const userId = authorize(actor, "room.post", access);
  return { userId, input };
}
