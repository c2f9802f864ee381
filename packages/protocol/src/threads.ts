import { z } from "zod";
import { Id, Seq } from "./common";
import { Message } from "./messages";
import { RoomKind } from "./rooms";

/**
 * Threads: a side conversation under a root message. A reply in a thread is a message of the
 * room's log with `threadRootId` (sent like any message, with `SendMessageRequest.threadRootId`);
 * the root carries the thread's summary. Following a thread (automatic for its root's author
 * and for everyone who replies) keeps a read pointer per thread: thread replies never count as
 * room unread, they count here.
 */

/** Replies per page of a thread (newest page first, older ones with `before`). */
export const THREAD_PAGE_SIZE = 100;

/** Threads listed in the "Threads" view at most (unread first, then by newest reply). */
export const THREADS_LIST_MAX = 100;

export const ThreadParams = z.object({ roomId: Id, messageId: Id });
export type ThreadParams = z.infer<typeof ThreadParams>;

/** `before`: page backwards from this seq (omit for the newest replies). */
export const ThreadQuery = z.object({
  before: z.coerce.number().int().min(1).optional(),
});
export type ThreadQuery = z.infer<typeof ThreadQuery>;

/** My relation to one thread. */
export const ThreadFollowState = z.object({
  roomId: Id,
  rootId: Id,
  following: z.boolean(),
  /** The room seq of the newest reply I have read in this thread (0: none). */
  readSeq: Seq,
  /** Replies by others after readSeq (only counted while following). */
  unreadCount: z.number().int().nonnegative(),
});
export type ThreadFollowState = z.infer<typeof ThreadFollowState>;

export const ThreadResponse = z.object({
  /** The root message as it is now (a deleted root keeps its place: its thread stays readable). */
  root: Message,
  /** Replies ascending by seq, with the events on them (edits, reactions, deletions) applied. */
  replies: z.array(Message),
  /** Older replies exist before replies[0]. */
  hasMore: z.boolean(),
  state: ThreadFollowState,
});
export type ThreadResponse = z.infer<typeof ThreadResponse>;

export const FollowThreadRequest = z.object({ following: z.boolean() });
export type FollowThreadRequest = z.infer<typeof FollowThreadRequest>;

/** Move my read pointer in a thread forward to the reply at `seq` (a room seq). */
export const MarkThreadReadRequest = z.object({ seq: Seq });
export type MarkThreadReadRequest = z.infer<typeof MarkThreadReadRequest>;

export const ThreadStateResponse = z.object({ state: ThreadFollowState });
export type ThreadStateResponse = z.infer<typeof ThreadStateResponse>;

/** One thread in the "Threads" view. */
export const ThreadListItem = z.object({
  room: z.object({ id: Id, kind: RoomKind, name: z.string() }),
  /** The root, with its summary (replies, last repliers, last reply time). */
  root: Message,
  state: ThreadFollowState,
});
export type ThreadListItem = z.infer<typeof ThreadListItem>;

export const ThreadsResponse = z.object({
  /** Threads I follow that have replies: unread first, then newest reply first. */
  threads: z.array(ThreadListItem),
  /** How many of my followed threads have unread replies (the sidebar's badge). */
  unreadThreads: z.number().int().nonnegative(),
});
export type ThreadsResponse = z.infer<typeof ThreadsResponse>;

/** Whether a log entry is a reply in a thread (the room's timeline does not show those). */
export function isThreadReply(message: Pick<Message, "threadRootId">): boolean {
  return message.threadRootId !== null && message.threadRootId !== undefined;
}

/**
 * A root's summary with one more reply counted — the same rule the server applies when it
 * stores the reply: count it once (only when newer than the last one counted), newest replier
 * first, each person once, three faces at most. Returns `summary` itself when the reply is
 * already counted.
 */
export function addReplyToSummary(
  summary: Message["thread"],
  reply: Pick<Message, "seq" | "createdAt" | "author">,
): NonNullable<Message["thread"]> {
  if (summary && reply.seq <= summary.lastReplySeq) return summary;
  const others = (summary?.repliers ?? []).filter((u) => u.id !== reply.author.id);
  return {
    replyCount: (summary?.replyCount ?? 0) + 1,
    lastReplySeq: reply.seq,
    lastReplyAt: reply.createdAt,
    repliers: [{ id: reply.author.id, displayName: reply.author.displayName }, ...others].slice(0, 3),
  };
}
