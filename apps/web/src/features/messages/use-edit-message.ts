"use client";

import { API, EditMessageResponse } from "@parley/protocol";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiPatch } from "../api/api-client";
import { applyLiveMessage, fillGaps } from "./message-cache";

/**
 * Changes the text of one of my messages. The answer's edit entry is merged at once; the same
 * entry also arrives on the socket, and merging it twice changes nothing.
 */
export function useEditMessage(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ messageId, body }: { messageId: string; body: string }) =>
      apiPatch(API.message(roomId, messageId), { body }, EditMessageResponse),
    onSuccess: ({ message, edit }) => {
      const gap = applyLiveMessage(queryClient, edit ?? message);
      if (gap) void fillGaps(queryClient, roomId).catch(() => undefined);
    },
  });
}
