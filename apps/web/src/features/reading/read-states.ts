import { API, isThreadReply, type Message, type ReadState, ReadStatesResponse } from "@parley/protocol";
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { apiGet } from "../api/api-client";
import { queryKeys } from "../api/query-keys";
import { UpdatesDuringFetch } from "../api/updates-during-fetch";

/** My read state per room id. */
export type ReadStates = Readonly<Record<string, ReadState>>;

/** Per query client: the live updates to replay onto a fetch of the read states. */
const duringFetch = new WeakMap<QueryClient, UpdatesDuringFetch<ReadStates | undefined>>();
function updatesDuringFetch(queryClient: QueryClient): UpdatesDuringFetch<ReadStates | undefined> {
  let updates = duringFetch.get(queryClient);
  if (!updates) {
    updates = new UpdatesDuringFetch();
    duringFetch.set(queryClient, updates);
  }
  return updates;
}

export const readStatesQuery = queryOptions({
  queryKey: queryKeys.readStates,
  // A message or read pointer that arrives on the socket while this is in flight is replayed
  // onto the answer (updates-during-fetch.ts), or the count would miss it until the next refetch.
  queryFn: async ({ client }): Promise<ReadStates> => {
    const states = await updatesDuringFetch(client).fetch(async () => {
      const { reads } = await apiGet(API.readStates, ReadStatesResponse);
      return Object.fromEntries(reads.map((r) => [r.roomId, r]));
    });
    return states ?? {};
  },
  // The socket keeps it current (see read-state-sync.ts); it is refetched on reconnect.
  staleTime: Number.POSITIVE_INFINITY,
});

/**
 * The server's word on one room (a mark-read answer, or `read.updated` from any of my
 * devices). A read pointer never moves back, so an older answer arriving late is ignored, and
 * so is one at the same pointer that knows fewer of the room's entries than we do.
 */
export function applyReadState(states: ReadStates | undefined, read: ReadState): ReadStates | undefined {
  if (!states) return states;
  const current = states[read.roomId];
  if (current && current.readSeq > read.readSeq) return states;
  if (current && current.readSeq === read.readSeq && current.lastSeq > read.lastSeq) return states;
  if (current && sameState(current, read)) return states;
  return { ...states, [read.roomId]: read };
}

/**
 * A live log entry: a message by someone else that the counts do not include yet (after the
 * room's newest seq when they were counted) becomes unread. Entries seen twice (an ack, a
 * replay after reconnecting) are counted once because `lastSeq` moves past them.
 */
export function countLiveEntry(
  states: ReadStates | undefined,
  entry: Message,
  myId: string,
): ReadStates | undefined {
  const current = states?.[entry.roomId];
  if (!states || !current || entry.seq <= current.lastSeq) return states;
  // A thread reply is unread in its thread (for followers), never in the room (Slack).
  const unread =
    entry.kind === "message" &&
    !isThreadReply(entry) &&
    entry.deleted === null &&
    entry.author.id !== myId &&
    entry.seq > current.readSeq;
  return {
    ...states,
    [entry.roomId]: {
      ...current,
      lastSeq: entry.seq,
      unreadCount: current.unreadCount + (unread ? 1 : 0),
    },
  };
}

/** Reading up to `seq` optimistically: all read if that is the newest entry we know of. */
export function readUpTo(
  states: ReadStates | undefined,
  roomId: string,
  seq: number,
): ReadStates | undefined {
  const current = states?.[roomId];
  if (!states || !current || seq <= current.readSeq) return states;
  const all = seq >= current.lastSeq;
  return {
    ...states,
    [roomId]: {
      ...current,
      readSeq: seq,
      unreadCount: all ? 0 : current.unreadCount,
      mentionCount: all ? 0 : current.mentionCount,
    },
  };
}

/** Totals for the tab title and the "mark all read" action. */
export function unreadTotal(states: ReadStates | undefined): number {
  if (!states) return 0;
  return Object.values(states).reduce((sum, s) => sum + s.unreadCount, 0);
}

function sameState(a: ReadState, b: ReadState): boolean {
  return (
    a.readSeq === b.readSeq &&
    a.lastSeq === b.lastSeq &&
    a.unreadCount === b.unreadCount &&
    a.mentionCount === b.mentionCount
  );
}

/** Applies an update to the cached read states (and to the answer of a fetch in flight). */
export function updateReadStates(
  queryClient: QueryClient,
  update: (states: ReadStates | undefined) => ReadStates | undefined,
): void {
  updatesDuringFetch(queryClient).record(update);
  const before = queryClient.getQueryData<ReadStates>(queryKeys.readStates);
  const after = update(before);
  if (after !== before) queryClient.setQueryData(queryKeys.readStates, after);
}
