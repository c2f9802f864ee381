"use client";

import type { PublicUser, Room } from "@parley/protocol";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys";
import { useRealtime } from "../realtime/realtime-context";
import { addRoomMember, createRoom, joinRoom, leaveRoom } from "./rooms-api";

/** After a membership change: store the fresh room, refresh both lists. */
export function useStoreRoom() {
  const queryClient = useQueryClient();
  return (room: Room) => {
    queryClient.setQueryData(queryKeys.room(room.id), room);
    void queryClient.invalidateQueries({ queryKey: queryKeys.myRooms });
    void queryClient.invalidateQueries({ queryKey: queryKeys.publicRooms });
  };
}

export function useCreateRoom() {
  const storeRoom = useStoreRoom();
  return useMutation({ mutationFn: createRoom, onSuccess: storeRoom });
}

export function useJoinRoom() {
  const storeRoom = useStoreRoom();
  return useMutation({ mutationFn: joinRoom, onSuccess: storeRoom });
}

export function useLeaveRoom() {
  const queryClient = useQueryClient();
  const realtime = useRealtime();
  return useMutation({
    mutationFn: leaveRoom,
    onSuccess: (_nothing, roomId) => {
      // The socket's membership frame says the same; doing it here too makes the UI instant.
      realtime.forgetRoom(roomId);
      queryClient.setQueryData<Room>(queryKeys.room(roomId), (room) =>
        room ? { ...room, myRole: null, memberCount: Math.max(0, room.memberCount - 1) } : room,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.rooms });
    },
  });
}

/** What became of each person in one "Add people": added, or why not. */
export interface AddPeopleResult {
  added: PublicUser[];
  failed: { person: PublicUser; error: unknown }[];
}

/** Adds each person in turn; one refusal (a ban, say) does not stop the others. */
export async function addPeople(roomId: string, people: readonly PublicUser[]): Promise<AddPeopleResult> {
  const result: AddPeopleResult = { added: [], failed: [] };
  for (const person of people) {
    try {
      await addRoomMember(roomId, person.id);
      result.added.push(person);
    } catch (error) {
      result.failed.push({ person, error });
    }
  }
  return result;
}

export function useAddPeople(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (people: readonly PublicUser[]) => addPeople(roomId, people),
    onSuccess: ({ added }) => {
      if (added.length === 0) return;
      // The count also arrives on the socket; the member list is only refreshed this way.
      void queryClient.invalidateQueries({ queryKey: queryKeys.room(roomId) });
    },
  });
}
