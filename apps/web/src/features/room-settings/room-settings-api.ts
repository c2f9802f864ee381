import { API, type Room, RoomResponse, type UpdateRoomRequest } from "@parley/protocol";
import { apiDeleteEmpty, apiPatch } from "../api/api-client";

/** PATCH /api/rooms/:roomId (admins and owners): the room as it now is. */
export async function updateRoom(roomId: string, changes: UpdateRoomRequest): Promise<Room> {
  return (await apiPatch(API.room(roomId), changes, RoomResponse)).room;
}

/** DELETE /api/rooms/:roomId (owners only): the room, its messages, invites and bans. */
export function deleteRoom(roomId: string): Promise<void> {
  return apiDeleteEmpty(API.room(roomId));
}
