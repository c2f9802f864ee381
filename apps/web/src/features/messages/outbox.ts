import type { Attachment, ReplyPreview } from "@parley/protocol";

/**
 * Sends that the server has not confirmed yet. Pure state transitions, so ordering and retry
 * rules are tested without a socket; `outbox-store.ts` holds the live state and persists it.
 *
 * Ordering: per room, one send is in flight at a time and the next goes only after the
 * previous is acked, so messages land in the order they were typed. A failed send does not
 * block the ones behind it (it waits for Retry or Delete). Each entry keeps its clientId
 * for life: a resend after a reconnect or a reload reuses it and the server deduplicates.
 */
export type OutboxStatus =
  /** Waiting for its turn (or for a connection). */
  | "queued"
  /** Sent on this tab's socket, waiting for the ack. Never persisted: see outbox-records.ts. */
  | "sending"
  /** Refused for good; waits for Retry or Delete. */
  | "failed";

export interface OutboxEntry {
  clientId: string;
  roomId: string;
  body: string;
  status: OutboxStatus;
  /** ISO time it was typed, to place and stamp it in the list until the server's copy comes. */
  createdAt: string;
  /** Why the server refused it (status "failed"). */
  error: string | null;
  /** Uploaded files it carries (pending uploads, bound to the message when it is stored). */
  attachments?: readonly Attachment[];
  /** The message it answers, quoted while it is pending too. */
  replyTo?: ReplyPreview;
  /** The thread it is posted in (absent: the room's timeline); it shows there while pending. */
  threadRootId?: string;
}

/** Entries in the order they were typed (by createdAt: other tabs add theirs too). */
export type OutboxState = readonly OutboxEntry[];

export const EMPTY_OUTBOX: OutboxState = [];

/** Adds an entry in its place by time, unless it is already there. */
export function insertEntry(state: OutboxState, entry: OutboxEntry): OutboxState {
  if (state.some((e) => e.clientId === entry.clientId)) return state;
  const index = state.findIndex((e) => e.createdAt > entry.createdAt);
  return index === -1 ? [...state, entry] : [...state.slice(0, index), entry, ...state.slice(index)];
}

export function enqueue(
  state: OutboxState,
  entry: {
    clientId: string;
    roomId: string;
    body: string;
    createdAt: string;
    attachments?: readonly Attachment[];
    replyTo?: ReplyPreview;
    threadRootId?: string;
  },
): OutboxState {
  return insertEntry(state, { ...entry, status: "queued", error: null });
}

/** The entries to send now: per room, the oldest queued one, unless one is already in flight. */
export function nextToSend(state: OutboxState): OutboxEntry[] {
  const busy = new Set(state.filter((e) => e.status === "sending").map((e) => e.roomId));
  const picked: OutboxEntry[] = [];
  for (const entry of state) {
    if (entry.status !== "queued" || busy.has(entry.roomId)) continue;
    busy.add(entry.roomId);
    picked.push(entry);
  }
  return picked;
}

function update(state: OutboxState, clientId: string, change: Partial<OutboxEntry>): OutboxState {
  let found = false;
  const next = state.map((e) => {
    if (e.clientId !== clientId) return e;
    found = true;
    return { ...e, ...change };
  });
  return found ? next : state;
}

export function markSending(state: OutboxState, clientId: string): OutboxState {
  return update(state, clientId, { status: "sending", error: null });
}

/** The server stored it (ack, or its own copy arrived first): it leaves the outbox. */
export function settle(state: OutboxState, clientId: string): OutboxState {
  return state.some((e) => e.clientId === clientId) ? state.filter((e) => e.clientId !== clientId) : state;
}

export function fail(state: OutboxState, clientId: string, error: string): OutboxState {
  return update(state, clientId, { status: "failed", error });
}

/** Retry keeps the clientId: if the first attempt did land, the server returns it as a duplicate. */
export function retry(state: OutboxState, clientId: string): OutboxState {
  return update(state, clientId, { status: "queued", error: null });
}

/** The user deleted a failed (or pending) send: it is never sent. */
export const remove = settle;

/** Back to the queue, in its place (e.g. the server asked us to slow down). */
export function requeue(state: OutboxState, clientId: string): OutboxState {
  return update(state, clientId, { status: "queued", error: null });
}

/** The socket dropped: whatever was in flight may not have arrived, so send it again later. */
export function requeueInFlight(state: OutboxState): OutboxState {
  return state.some((e) => e.status === "sending")
    ? state.map((e) => (e.status === "sending" ? { ...e, status: "queued" } : e))
    : state;
}

/** Drops a room's entries (the user left it). */
export function dropRoom(state: OutboxState, roomId: string): OutboxState {
  return state.some((e) => e.roomId === roomId) ? state.filter((e) => e.roomId !== roomId) : state;
}

/**
 * The user was removed from the room (kicked, banned): its unsent entries stay, failed with
 * the reason, so nothing typed vanishes silently (Delete clears them; Retry after rejoining).
 */
export function failRoom(state: OutboxState, roomId: string, error: string): OutboxState {
  return state.some((e) => e.roomId === roomId && e.status !== "failed")
    ? state.map((e) => (e.roomId === roomId && e.status !== "failed" ? { ...e, status: "failed", error } : e))
    : state;
}
