import { API, type Room, RoomResponse, type UpdateRoomRequest } from "@parley/protocol";
import { apiDelete, apiDeleteEmpty, apiPatch, apiPutImage } from "../api/api-client";

/** PATCH /api/rooms/:roomId (admins and owners): the room as it now is. */
export async function updateRoom(roomId: string, changes: UpdateRoomRequest): Promise<Room> {
  return (await apiPatch(API.room(roomId), changes, RoomResponse)).room;
}

/** DELETE /api/rooms/:roomId (owners only): the room, its messages, invites and bans. */
export function deleteRoom(roomId: string): Promise<void> {
  return apiDeleteEmpty(API.room(roomId));
}

/** PUT /api/rooms/:roomId/avatar with the image's bytes: the room with its new picture. */
export async function uploadRoomPicture(roomId: string, file: Blob): Promise<Room> {
  return (await apiPutImage(API.roomAvatar(roomId), file, RoomResponse)).room;
}

/** DELETE /api/rooms/:roomId/avatar: the room shows its "#" again. */
export async function removeRoomPicture(roomId: string): Promise<Room> {
  return (await apiDelete(API.roomAvatar(roomId), RoomResponse)).room;
}
