"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys";
import { type InboxData, markAllEntriesRead, markEntriesRead, setUnreadCount } from "./inbox-cache";
import { updateInbox } from "./inbox-query";
import { markNotificationsRead } from "./notifications-api";

/**
 * Marking entries read shows at once; the server's answer then sets the count (it knows of
 * entries not loaded). A failure refetches the inbox so it shows the truth again.
 */
function useMarkRead<T>(
  optimistic: (data: InboxData, input: T) => InboxData,
  request: (input: T) => Promise<number>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onMutate: async (input: T) => {
      // A fetch landing after our change would put the old flags back: stop it, and fetch
      // again once the server has our change.
      const interrupted = queryClient.isFetching({ queryKey: queryKeys.inbox }) > 0;
      if (interrupted) await queryClient.cancelQueries({ queryKey: queryKeys.inbox });
      updateInbox(queryClient, (data) => optimistic(data, input));
      return { interrupted };
    },
    onSuccess: (unreadCount) => updateInbox(queryClient, (data) => setUnreadCount(data, unreadCount)),
    onSettled: (_count, error, _input, context) => {
      if (error || context?.interrupted) void queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
    },
  });
}

/** Clicking an entry: that one is read. */
export function useMarkEntryRead() {
  return useMarkRead<string>(
    (data, id) => markEntriesRead(data, [id]),
    (id) => markNotificationsRead({ ids: [id] }),
  );
}

/** "Mark all as read". */
export function useMarkAllRead() {
  return useMarkRead<void>(
    (data) => markAllEntriesRead(data),
    () => markNotificationsRead({ all: true }),
  );
}
