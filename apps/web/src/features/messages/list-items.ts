import type { Message } from "@parley/protocol";
import type { OutboxEntry } from "./outbox";

/** One row of the message list: a stored message, or one of ours not confirmed yet. */
export interface ListItem {
  /** Stable across pending → sent, so React keeps the same DOM node (no flash). */
  key: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
  message: Message | null;
  pending: OutboxEntry | null;
}

/** Our own rows are keyed by clientId, which the pending copy and the stored one share. */
const keyFor = (authorId: string, clientId: string, myId: string, messageId: string) =>
  authorId === myId ? `mine:${clientId}` : `msg:${messageId}`;

/**
 * Stored messages in seq order, then our unconfirmed sends in the order typed. A pending
 * send whose stored copy is already in the cache is left out: the two can briefly coexist
 * between the cache update and the outbox update.
 */
export function buildListItems(
  messages: readonly Message[],
  outbox: readonly OutboxEntry[],
  me: { id: string; displayName: string },
): ListItem[] {
  const items: ListItem[] = [];
  const storedClientIds = new Set<string>();
  for (const message of messages) {
    if (message.author.id === me.id) storedClientIds.add(message.clientId);
    items.push({
      key: keyFor(message.author.id, message.clientId, me.id, message.id),
      authorId: message.author.id,
      authorName: message.author.displayName,
      body: message.body,
      createdAt: message.createdAt,
      message,
      pending: null,
    });
  }
  for (const entry of outbox) {
    if (storedClientIds.has(entry.clientId)) continue;
    items.push({
      key: `mine:${entry.clientId}`,
      authorId: me.id,
      authorName: me.displayName,
      body: entry.body,
      createdAt: entry.createdAt,
      message: null,
      pending: entry,
    });
  }
  return items;
}
