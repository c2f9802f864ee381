import type { Message, Room } from "@parley/protocol";
import { atLeast } from "../moderation/ranks";

/**
 * Whether to offer "Delete" on a message, mirroring the server's `message.delete` rule: the
 * author may (not in an archived room), and so may a moderator or above of a channel. The
 * server still decides; its refusal is shown if the two ever disagree.
 */
export function canDeleteMessage(
  room: Pick<Room, "kind" | "archived" | "myRole">,
  myId: string,
  message: Message,
): boolean {
  if (message.kind !== "message" || message.deleted !== null || room.myRole === null) return false;
  const moderator = room.kind === "channel" && atLeast(room.myRole, "moderator");
  if (message.author.id === myId) return moderator || !room.archived;
  return moderator;
}

/**
 * Whether to offer "Edit" on a message, mirroring `message.edit`: only its author, while they
 * may still write in the room (not archived, not muted).
 */
export function canEditMessage(
  room: Pick<Room, "archived" | "myRole">,
  me: { id: string; muted: boolean },
  message: Message,
): boolean {
  if (message.kind !== "message" || message.deleted !== null || room.myRole === null) return false;
  return message.author.id === me.id && !room.archived && !me.muted;
}

/** Whether to offer "Edit history" (`message.history`): an edited message, to a channel's moderators. */
export function canSeeHistory(room: Pick<Room, "kind" | "myRole">, message: Message): boolean {
  if (message.kind !== "message" || message.deleted !== null || !message.editedAt) return false;
  return room.kind === "channel" && room.myRole !== null && atLeast(room.myRole, "moderator");
}
