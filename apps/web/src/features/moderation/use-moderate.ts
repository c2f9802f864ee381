"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys";
import { type ModerationRequest, moderate } from "./moderation-api";

/**
 * One mutation for every moderation request. Afterwards the room's member list, bans and log
 * are refetched (they share the room's key prefix), and so is the room (its member count).
 */
export function useModerate(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ModerationRequest) => moderate(roomId, request),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.room(roomId) }),
  });
}
