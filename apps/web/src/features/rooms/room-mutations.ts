"use client";

import type { Room } from "@parley/protocol";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys";
import { useRealtime } from "../realtime/realtime-context";
import { createRoom, joinRoom, leaveRoom } from "./rooms-api";

/** After a membership change: store the fresh room, refresh both lists. */
function useStoreRoom() {
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
