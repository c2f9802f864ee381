import {
  API,
  type Message,
  type ThreadFollowState,
  ThreadResponse,
  ThreadStateResponse,
  ThreadsResponse,
} from "@parley/protocol";
import {
  type InfiniteData,
  infiniteQueryOptions,
  type QueryClient,
  queryOptions,
} from "@tanstack/react-query";
import { apiGet, apiPost, apiPutEmpty } from "../api/api-client";
import { mergeMessages } from "../messages/merge-messages";

/** Cache keys of this feature (all under "threads", so one invalidation refreshes them all). */
export const threadKeys = {
  all: ["threads"] as const,
  list: ["threads", "list"] as const,
  thread: (roomId: string, rootId: string) => ["threads", "thread", roomId, rootId] as const,
};

/** The threads I follow, unread first, and how many have unread replies. */
export const threadsQuery = queryOptions({
  queryKey: threadKeys.list,
  queryFn: () => apiGet(API.threads, ThreadsResponse),
  // Kept fresh by the socket (see useThreadsSync) and on focus: it is read from other devices too.
  staleTime: 30_000,
});

/** A thread: the newest replies first, older pages on demand ("Earlier replies"). */
export function threadQuery(roomId: string, rootId: string) {
  return infiniteQueryOptions({
    queryKey: threadKeys.thread(roomId, rootId),
    queryFn: ({ pageParam }) =>
      apiGet(`${API.thread(roomId, rootId)}${pageParam ? `?before=${pageParam}` : ""}`, ThreadResponse),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.hasMore ? last.replies[0]?.seq : undefined),
    // Live replies come through the room's own stream (see threadMessages), not by refetching.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

/**
 * A thread's root and replies as they are now: the pages fetched when it was opened, merged
 * with what the room's stream has brought since — replies, and the edits, deletions and
 * reactions on them and on the root. The room's cache is a contiguous run up to its newest
 * entry and the pages cover everything up to when they were fetched, so together they hold
 * every reply; merging is idempotent (see mergeMessages), so an entry in both counts once.
 */
export function threadMessages(
  pages: InfiniteData<ThreadResponse> | undefined,
  roomEntries: readonly Message[],
  rootId: string,
): { root: Message | null; replies: readonly Message[] } {
  const fetched = pages?.pages.flatMap((p) => [p.root, ...p.replies]) ?? [];
  const ids = new Set(fetched.map((m) => m.id));
  for (const m of roomEntries) if (m.threadRootId === rootId) ids.add(m.id);
  const live = roomEntries.filter(
    (m) => m.id === rootId || m.threadRootId === rootId || (m.targetId !== null && ids.has(m.targetId)),
  );
  // Oldest page first, so a root copy from a later fetch (fresher) is merged last.
  const ordered = [...(pages?.pages ?? [])].reverse().flatMap((p) => [p.root, ...p.replies]);
  const all = mergeMessages(mergeMessages([], ordered), live);
  return {
    root: all.find((m) => m.id === rootId) ?? null,
    replies: all.filter((m) => m.threadRootId === rootId),
  };
}

/** My follow state as the newest fetch of the thread has it. */
export function threadStateOf(pages: InfiniteData<ThreadResponse> | undefined): ThreadFollowState | null {
  return pages?.pages[0]?.state ?? null;
}

function setThreadState(queryClient: QueryClient, state: ThreadFollowState): void {
  queryClient.setQueryData<InfiniteData<ThreadResponse>>(
    threadKeys.thread(state.roomId, state.rootId),
    (data) => (data ? { ...data, pages: data.pages.map((p) => ({ ...p, state })) } : data),
  );
}

export async function setFollowing(
  queryClient: QueryClient,
  roomId: string,
  rootId: string,
  following: boolean,
): Promise<void> {
  await apiPutEmpty(API.threadFollow(roomId, rootId), { following });
  const current = queryClient.getQueryData<InfiniteData<ThreadResponse>>(threadKeys.thread(roomId, rootId));
  const state = threadStateOf(current);
  if (state)
    setThreadState(queryClient, { ...state, following, unreadCount: following ? state.unreadCount : 0 });
  await queryClient.invalidateQueries({ queryKey: threadKeys.all });
}

/** Moves my read pointer in a thread; the Threads view and its badge follow. */
export async function markThreadRead(
  queryClient: QueryClient,
  roomId: string,
  rootId: string,
  seq: number,
): Promise<void> {
  const { state } = await apiPost(API.threadRead(roomId, rootId), { seq }, ThreadStateResponse);
  setThreadState(queryClient, state);
  queryClient.setQueryData<ThreadsResponse>(threadKeys.list, (data) =>
    data ? readInList(data, state) : data,
  );
}

/** The Threads view with one thread's state replaced (its unread count gone, the badge down). */
export function readInList(data: ThreadsResponse, state: ThreadFollowState): ThreadsResponse {
  const before = data.threads.find((t) => t.root.id === state.rootId);
  if (!before) return data;
  const threads = data.threads.map((t) =>
    t === before
      ? { ...t, state: { ...t.state, readSeq: state.readSeq, unreadCount: state.unreadCount } }
      : t,
  );
  // The badge counts every followed thread (the list shows the first THREADS_LIST_MAX).
  const cleared = before.state.unreadCount > 0 && state.unreadCount === 0 ? 1 : 0;
  return { threads, unreadThreads: Math.max(0, data.unreadThreads - cleared) };
}
