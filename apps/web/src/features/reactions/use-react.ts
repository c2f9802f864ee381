"use client";

import { API, ReactResponse } from "@parley/protocol";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiPost } from "../api/api-client";
import { applyLiveMessage, fillGaps } from "../messages/message-cache";

/**
 * Adds or takes back my reaction. The answer's log entry is merged at once (the same entry
 * arrives on the socket too; merging it twice changes nothing).
 */
export function useReact(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, emoji, on }: { messageId: string; emoji: string; on: boolean }) =>
      apiPost(API.reactions(roomId, messageId), { emoji, on }, ReactResponse),
    onSuccess: ({ event }) => {
      if (!event) return;
      const gap = applyLiveMessage(queryClient, event);
      if (gap) void fillGaps(queryClient, roomId).catch(() => undefined);
    },
  });
}
