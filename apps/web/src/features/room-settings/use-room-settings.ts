"use client";

import type { UpdateRoomRequest } from "@parley/protocol";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { forgetDeletedRoom, storeUpdatedRoom } from "./room-cache";
import { deleteRoom, updateRoom } from "./room-settings-api";

/** Saves settings (any subset of name, topic, description, slow mode, archived). */
export function useUpdateRoom(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UpdateRoomRequest) => updateRoom(roomId, changes),
    onSuccess: (room) => storeUpdatedRoom(queryClient, room),
  });
}

export function useDeleteRoom(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteRoom(roomId),
    onSuccess: () => forgetDeletedRoom(queryClient, roomId),
  });
}
