import type { ListItem } from "./list-items";

/**
 * Where "New messages" goes: above the first message by someone else after the read pointer
 * as it was when the room was opened (it stays put while the room is read). Null when nothing
 * was unread, or the first unread message is not loaded (older than the history held).
 */
export function firstUnreadKey(
  items: readonly ListItem[],
  readSeqAtOpen: number | null,
  myId: string,
): string | null {
  if (readSeqAtOpen === null) return null;
  const first = items.find(
    (item) => item.message !== null && item.message.seq > readSeqAtOpen && item.authorId !== myId,
  );
  return first?.key ?? null;
}

/** The row of the message with this seq, or of the first one after it (the seq was an event). */
export function rowKeyAtSeq(items: readonly ListItem[], seq: number): string | null {
  return items.find((item) => item.message !== null && item.message.seq >= seq)?.key ?? null;
}
