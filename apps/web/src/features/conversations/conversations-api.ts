import { API, type Room, RoomResponse } from "@parley/protocol";
import { apiPost } from "../api/api-client";

/**
 * A group conversation has at most 8 people, the caller included (OpenConversationRequest
 * refuses more), so the picker offers up to 7 others.
 */
export const MAX_CONVERSATION_OTHERS = 7;

/** Finds or creates the conversation with exactly these people (and me); the same people, the same room. */
export async function openConversation(userIds: readonly string[]): Promise<Room> {
  return (await apiPost(API.conversations, { userIds }, RoomResponse)).room;
}
