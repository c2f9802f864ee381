"use client";

import type { NotifyLevel } from "@parley/protocol";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { putNotifyLevel } from "./notifications-api";
import { setCachedNotifyLevel } from "./notify-level-cache";

/** Changes my level in a room: shown at once, put back if the server refuses. */
export function useSetNotifyLevel(roomId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (level: NotifyLevel) => putNotifyLevel(roomId, level),
    onMutate: (level) => ({ previous: setCachedNotifyLevel(queryClient, roomId, level) }),
    onError: (_error, _level, context) => {
      if (context?.previous) setCachedNotifyLevel(queryClient, roomId, context.previous);
    },
  });
}
