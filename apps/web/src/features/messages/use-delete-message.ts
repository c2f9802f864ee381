"use client";

import { API, DeleteMessageResponse } from "@parley/protocol";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiDelete } from "../api/api-client";
import { applyLiveMessage, fillGaps } from "./message-cache";

/**
 * Deletes a message. The answer is merged at once (the deletion entry, or the message as it
 * now is when someone deleted it first); the same entry also arrives on the socket, and
 * merging it twice changes nothing.
 */
export function useDeleteMessage(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => apiDelete(API.message(roomId, messageId), DeleteMessageResponse),
    onSuccess: ({ message, deletion }) => {
      const gap = applyLiveMessage(queryClient, deletion ?? message);
      if (gap) void fillGaps(queryClient, roomId).catch(() => undefined);
    },
  });
}
