import { infiniteQueryOptions, type QueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys";
import type { InboxData } from "./inbox-cache";
import { fetchInboxPage } from "./notifications-api";

export const inboxQuery = infiniteQueryOptions({
  queryKey: queryKeys.inbox,
  queryFn: ({ pageParam }) => fetchInboxPage(pageParam),
  initialPageParam: undefined as string | undefined,
  // Paged by the oldest entry shown, so entries prepended live do not shift the pages.
  getNextPageParam: (last) => (last.hasMore ? last.notifications.at(-1)?.id : undefined),
  // The socket keeps it current; it is refetched after a reconnect (see use-inbox-sync.ts).
  staleTime: Number.POSITIVE_INFINITY,
});

/** Applies a change to the cached inbox, if loaded; the same object back means no change. */
export function updateInbox(queryClient: QueryClient, change: (data: InboxData) => InboxData): void {
  const before = queryClient.getQueryData<InboxData>(queryKeys.inbox);
  if (!before) return;
  const after = change(before);
  if (after !== before) queryClient.setQueryData<InboxData>(queryKeys.inbox, after);
}
