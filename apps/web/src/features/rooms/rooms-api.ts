import { API, type CreateRoomRequest, type Room, RoomListResponse, RoomResponse } from "@parley/protocol";
import { apiGet, apiPost, apiPostEmpty } from "../api/api-client";

export async function fetchMyRooms(): Promise<Room[]> {
  return (await apiGet(API.myRooms, RoomListResponse)).rooms;
}

export async function fetchPublicRooms(): Promise<Room[]> {
  return (await apiGet(API.rooms, RoomListResponse)).rooms;
}

export async function fetchRoom(roomId: string): Promise<Room> {
  return (await apiGet(API.room(roomId), RoomResponse)).room;
}

export async function createRoom(input: CreateRoomRequest): Promise<Room> {
  return (await apiPost(API.rooms, input, RoomResponse)).room;
}

export async function joinRoom(roomId: string): Promise<Room> {
  return (await apiPost(API.joinRoom(roomId), {}, RoomResponse)).room;
}

export function leaveRoom(roomId: string): Promise<void> {
  return apiPostEmpty(API.leaveRoom(roomId));
}

/** Adds someone to a channel (any member may; refused for a banned person or a conversation). */
export function addRoomMember(roomId: string, userId: string): Promise<void> {
  return apiPostEmpty(API.members(roomId), { userId });
}
