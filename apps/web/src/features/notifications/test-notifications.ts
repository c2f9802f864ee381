import type { Notification, NotificationsResponse } from "@parley/protocol";
import type { InboxData } from "./inbox-cache";

export const ROOM = "00000000-0000-4000-8000-0000000000a1";
export const OTHER_ROOM = "00000000-0000-4000-8000-0000000000a2";
export const ANA = { id: "00000000-0000-4000-8000-00000000000a", displayName: "Ana" };
export const BEN = { id: "00000000-0000-4000-8000-00000000000b", displayName: "Ben" };

/** An inbox entry for tests: a mention of me by Ana in #general, unless told otherwise. */
export function entry(id: string, seq: number, overrides: Partial<Notification> = {}): Notification {
  return {
    id,
    kind: "mention",
    room: { id: ROOM, kind: "channel", name: "general", people: [] },
    messageId: `message-${id}`,
    seq,
    author: ANA,
    excerpt: `@**Ben** number ${seq}`,
    deleted: false,
    createdAt: "2026-01-10T12:00:00.000Z",
    read: false,
    ...overrides,
  };
}

/** The cache of an inbox loaded page by page (the count is the first page's). */
export function inbox(pages: Notification[][], unreadCount: number, hasMore = false): InboxData {
  const built: NotificationsResponse[] = pages.map((notifications, index) => ({
    notifications,
    hasMore: index < pages.length - 1 || hasMore,
    unreadCount,
  }));
  return {
    pages: built,
    pageParams: built.map((_, index) =>
      index === 0 ? undefined : built[index - 1]?.notifications.at(-1)?.id,
    ),
  };
}
