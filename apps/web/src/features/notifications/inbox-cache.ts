import type { Notification, NotificationsResponse } from "@parley/protocol";
import type { InfiniteData } from "@tanstack/react-query";

/** The inbox as the query cache holds it: pages newest first, each paged by the oldest id before it. */
export type InboxData = InfiniteData<NotificationsResponse>;

/**
 * The live unread count. Each page carries the count as it was when that page was fetched;
 * the first page's is the one kept current by live frames and mark-read answers.
 */
export function inboxUnreadCount(data: InboxData | undefined): number {
  return data?.pages[0]?.unreadCount ?? 0;
}

/**
 * Every entry, newest first, each once. Pages are cut by cursor so they should never overlap,
 * but a live entry prepended while an older page was loading could show twice without this.
 */
export function inboxEntries(data: InboxData | undefined): Notification[] {
  if (!data) return [];
  const seen = new Set<string>();
  const entries: Notification[] = [];
  for (const page of data.pages) {
    for (const n of page.notifications) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      entries.push(n);
    }
  }
  return entries;
}

/** Rewrites every entry through `change` and sets the live count; the same object when nothing changed. */
function mapEntries(
  data: InboxData,
  change: (n: Notification) => Notification,
  unreadCount: (current: number, flipped: number) => number,
): InboxData {
  let flipped = 0;
  let changed = false;
  const pages = data.pages.map((page) => {
    let pageChanged = false;
    const notifications = page.notifications.map((n) => {
      const next = change(n);
      if (next === n) return n;
      if (!n.read && next.read) flipped++;
      pageChanged = true;
      return next;
    });
    if (!pageChanged) return page;
    changed = true;
    return { ...page, notifications };
  });
  const first = pages[0];
  if (!first) return data;
  const count = unreadCount(first.unreadCount, flipped);
  if (!changed && count === first.unreadCount) return data;
  return { ...data, pages: [{ ...first, unreadCount: count }, ...pages.slice(1)] };
}

/**
 * A `notification.new` frame: the entry goes on top and, if unread, counts. An entry already
 * held (the frame raced a fetch that included it) changes nothing.
 */
export function prependNotification(data: InboxData, notification: Notification): InboxData {
  if (data.pages.some((page) => page.notifications.some((n) => n.id === notification.id))) return data;
  const [first, ...rest] = data.pages;
  if (!first) return data;
  return {
    ...data,
    pages: [
      {
        ...first,
        notifications: [notification, ...first.notifications],
        unreadCount: first.unreadCount + (notification.read ? 0 : 1),
      },
      ...rest,
    ],
  };
}

/**
 * `read.updated`: I read a room up to `readSeq` (here or on another device); the server marked
 * that room's entries up to there read, so the loaded ones follow and the count drops by as
 * many as flipped.
 */
export function applyRoomRead(data: InboxData, roomId: string, readSeq: number): InboxData {
  return mapEntries(
    data,
    (n) => (n.room.id === roomId && n.seq <= readSeq && !n.read ? { ...n, read: true } : n),
    (count, flipped) => Math.max(0, count - flipped),
  );
}

/**
 * Whether some unread entry is not loaded (an older page): then a room read may have cleared
 * entries we cannot see, and only the server knows the new count.
 */
export function hasUnloadedUnread(data: InboxData): boolean {
  const loadedUnread = inboxEntries(data).filter((n) => !n.read).length;
  return inboxUnreadCount(data) > loadedUnread;
}

/** Some entries read (a click on one): optimistic, before the server answers with the count. */
export function markEntriesRead(data: InboxData, ids: readonly string[]): InboxData {
  const wanted = new Set(ids);
  return mapEntries(
    data,
    (n) => (wanted.has(n.id) && !n.read ? { ...n, read: true } : n),
    (count, flipped) => Math.max(0, count - flipped),
  );
}

/** "Mark all as read": every entry read, the count zero. */
export function markAllEntriesRead(data: InboxData): InboxData {
  return mapEntries(
    data,
    (n) => (n.read ? n : { ...n, read: true }),
    () => 0,
  );
}

/** The server's count (a mark-read answer): it wins over ours. */
export function setUnreadCount(data: InboxData, unreadCount: number): InboxData {
  return mapEntries(
    data,
    (n) => n,
    () => unreadCount,
  );
}

/**
 * A deletion in the room log: the entry of the deleted message shows "Message deleted", as a
 * fresh fetch would (the server wipes the body).
 */
export function applyDeletion(data: InboxData, messageId: string): InboxData {
  return mapEntries(
    data,
    (n) => (n.messageId === messageId && !n.deleted ? { ...n, deleted: true, excerpt: "" } : n),
    (count) => count,
  );
}
