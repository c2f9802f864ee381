import { API, HISTORY_PAGE_MAX, HISTORY_PAGE_SIZE, HistoryResponse, type Message } from "@parley/protocol";
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { apiGet } from "../api/api-client";
import { queryKeys } from "../api/query-keys";
import { findGap, gapBefore } from "./gap";
import { mergeMessages } from "./merge-messages";

/**
 * One room's messages in the query cache: a contiguous run ending at the newest message we
 * know of. Loaded with the newest page; older pages are merged in on scroll; the socket
 * appends live messages and fills any hole it notices.
 */
export interface MessagesCache {
  /** Ascending, one per seq. */
  messages: readonly Message[];
  /** More history exists before messages[0]. */
  hasOlder: boolean;
}

function historyUrl(roomId: string, params: Record<string, number>): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return `${API.messages(roomId)}?${query}`;
}

async function fetchNewestPage(roomId: string): Promise<MessagesCache> {
  const page = await apiGet(historyUrl(roomId, { limit: HISTORY_PAGE_SIZE }), HistoryResponse);
  return { messages: page.messages, hasOlder: page.hasMore };
}

export function messagesQuery(roomId: string) {
  return queryOptions({
    queryKey: queryKeys.messages(roomId),
    queryFn: () => fetchNewestPage(roomId),
    // The socket keeps this fresh; a background refetch would replace the loaded history
    // with the newest page and throw the reader's scroll position away.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

function read(queryClient: QueryClient, roomId: string): MessagesCache | undefined {
  return queryClient.getQueryData<MessagesCache>(queryKeys.messages(roomId));
}

function write(queryClient: QueryClient, roomId: string, next: MessagesCache): void {
  queryClient.setQueryData<MessagesCache>(queryKeys.messages(roomId), next);
}

/** Fetches the page before the oldest loaded message and merges it in. */
export async function loadOlderMessages(queryClient: QueryClient, roomId: string): Promise<void> {
  const before = read(queryClient, roomId);
  const oldest = before?.messages[0];
  if (!before?.hasOlder || oldest === undefined) return;
  const page = await apiGet(
    historyUrl(roomId, { before: oldest.seq, limit: HISTORY_PAGE_SIZE }),
    HistoryResponse,
  );
  const now = read(queryClient, roomId);
  // If the cache was replaced meanwhile (a resync), this page no longer joins onto it.
  if (now?.messages[0]?.seq !== oldest.seq) return;
  write(queryClient, roomId, {
    messages: mergeMessages(now.messages, page.messages),
    hasOlder: page.hasMore,
  });
}

/**
 * Merges a message that arrived live (or in an ack). Returns true when it landed beyond the
 * newest message we had, leaving a hole that `fillGaps` must fetch.
 */
export function applyLiveMessage(queryClient: QueryClient, message: Message): boolean {
  const roomId = message.roomId;
  const cache = read(queryClient, roomId);
  if (cache === undefined) {
    // The first page is loading and may or may not contain this message: merge it after.
    if (queryClient.isFetching({ queryKey: queryKeys.messages(roomId), exact: true }) > 0) {
      void queryClient
        .fetchQuery(messagesQuery(roomId))
        .then(() => applyLiveMessage(queryClient, message))
        .catch(() => undefined);
    }
    // Otherwise nobody has this room open: it will load the newest page when opened.
    return false;
  }
  const gap = gapBefore(cache.messages, message) !== null;
  const merged = mergeMessages(cache.messages, [message]);
  if (merged !== cache.messages) write(queryClient, roomId, { ...cache, messages: merged });
  return gap;
}

/**
 * Fetches every missing run between loaded messages, oldest hole first, until there are
 * none. A hole the server cannot fill (no such messages) ends the loop instead of spinning.
 */
export async function fillGaps(queryClient: QueryClient, roomId: string): Promise<void> {
  for (;;) {
    const cache = read(queryClient, roomId);
    const gap = cache && findGap(cache.messages);
    if (!gap) return;
    const page = await apiGet(
      historyUrl(roomId, { after: gap.after, limit: HISTORY_PAGE_MAX }),
      HistoryResponse,
    );
    const now = read(queryClient, roomId);
    if (now === undefined) return;
    write(queryClient, roomId, { ...now, messages: mergeMessages(now.messages, page.messages) });
    if (page.messages[0]?.seq !== gap.after + 1) return;
  }
}

/** Replaces a room's cache with its newest page (the server said we are too far behind). */
export async function reloadRoomMessages(queryClient: QueryClient, roomId: string): Promise<void> {
  if (read(queryClient, roomId) === undefined) return;
  await queryClient.fetchQuery({ ...messagesQuery(roomId), staleTime: 0 });
}

/** For the socket's sync frame: the newest seq held per cached room. */
export function syncCursors(queryClient: QueryClient): { roomId: string; afterSeq: number }[] {
  return queryClient
    .getQueryCache()
    .findAll({ queryKey: queryKeys.allMessages })
    .flatMap((query) => {
      // Every query under the "messages" key holds a MessagesCache (see messagesQuery).
      const data = query.state.data as MessagesCache | undefined;
      const roomId = query.queryKey[1];
      if (data === undefined || typeof roomId !== "string") return [];
      return [{ roomId, afterSeq: data.messages.at(-1)?.seq ?? 0 }];
    })
    .slice(0, 1000);
}
