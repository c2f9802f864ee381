import { type DeletedBy, isThreadReply, type Message } from "@parley/protocol";
import { type MessageStatus, statusOfStored, type Watermarks } from "./message-status";
import type { OutboxEntry } from "./outbox";

/** One row of the message list: a stored message, or one of ours not confirmed yet. */
export interface ListItem {
  /** Stable across pending → sent, so React keeps the same DOM node (no flash). */
  key: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
  /** A deleted message keeps its place in the timeline, without its body. */
  deleted: DeletedBy | null;
  message: Message | null;
  pending: OutboxEntry | null;
  /** Shown under the row; null for other people's messages and my older ones. */
  status: MessageStatus | null;
}

/** Our own rows are keyed by clientId, which the pending copy and the stored one share. */
const keyFor = (authorId: string, clientId: string, myId: string, messageId: string) =>
  authorId === myId ? `mine:${clientId}` : `msg:${messageId}`;

/**
 * Stored messages in seq order (log events such as deletions are not rows: they are already
 * applied to their targets), then our unconfirmed sends in the order typed. A pending
 * send whose stored copy is already in the cache is left out: the two can briefly coexist
 * between the cache update and the outbox update.
 *
 * Statuses, iMessage-style: every unconfirmed send shows its own (pending or failed: each
 * may need the user's attention), but of my stored messages only the newest shows sent or
 * delivered. Delivery is a watermark, so what is true of my newest message is true of all
 * mine before it ("delivered" there means delivered up to there); a ✓✓ on every row of a
 * group chat would be noise for sighted users and for screen readers alike. In a 1:1
 * conversation "Seen" goes under the newest of mine the other person has read, which may be
 * an older one than the newest.
 */
export function buildListItems(
  messages: readonly Message[],
  outbox: readonly OutboxEntry[],
  me: { id: string; displayName: string },
  marks: Watermarks = { delivered: 0 },
  /**
   * Which view: the room's timeline (absent), which leaves thread replies out — the cache
   * keeps them, so its run of seqs stays gapless — or one thread's replies (its root's id).
   */
  threadRootId?: string,
): ListItem[] {
  const inView = (m: { threadRootId?: string | null }) =>
    threadRootId === undefined ? !isThreadReply(m) : m.threadRootId === threadRootId;
  const items: ListItem[] = [];
  const storedClientIds = new Set<string>();
  let newestMine = -1;
  let newestMineRead = -1;
  for (const message of messages) {
    if (message.kind !== "message" || !inView(message)) continue;
    if (message.author.id === me.id) {
      storedClientIds.add(message.clientId);
      if (message.deleted === null) {
        newestMine = items.length;
        if (message.seq <= (marks.read ?? 0)) newestMineRead = items.length;
      }
    }
    items.push({
      key: keyFor(message.author.id, message.clientId, me.id, message.id),
      authorId: message.author.id,
      authorName: message.author.displayName,
      body: message.body,
      createdAt: message.createdAt,
      deleted: message.deleted,
      message,
      pending: null,
      status: null,
    });
  }
  const newest = items[newestMine];
  if (newest?.message) items[newestMine] = { ...newest, status: statusOfStored(newest.message.seq, marks) };
  const seen = items[newestMineRead];
  if (seen && newestMineRead !== newestMine) items[newestMineRead] = { ...seen, status: "read" };
  for (const entry of outbox) {
    if (storedClientIds.has(entry.clientId) || !inView(entry)) continue;
    items.push({
      key: `mine:${entry.clientId}`,
      authorId: me.id,
      authorName: me.displayName,
      body: entry.body,
      createdAt: entry.createdAt,
      deleted: null,
      message: null,
      pending: entry,
      status: entry.status === "failed" ? "failed" : "pending",
    });
  }
  return items;
}
