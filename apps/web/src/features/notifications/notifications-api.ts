import {
  API,
  type MarkNotificationsReadRequest,
  MarkNotificationsReadResponse,
  type NotificationsResponse,
  NotificationsResponse as NotificationsResponseSchema,
  type NotifyLevel,
} from "@parley/protocol";
import { apiGet, apiPost, apiPutEmpty } from "../api/api-client";

/** Entries per inbox page: a screenful and a bit, so scrolling rarely waits. */
export const INBOX_PAGE_SIZE = 30;

/** One page of my inbox, newest first; `before` is the id of the oldest entry already shown. */
export function fetchInboxPage(before: string | undefined): Promise<NotificationsResponse> {
  const query = new URLSearchParams({ limit: String(INBOX_PAGE_SIZE) });
  if (before) query.set("before", before);
  return apiGet(`${API.notifications}?${query}`, NotificationsResponseSchema);
}

/** Marks some entries (or all) read; resolves to how many stay unread. */
export async function markNotificationsRead(request: MarkNotificationsReadRequest): Promise<number> {
  return (await apiPost(API.notificationsRead, request, MarkNotificationsReadResponse)).unreadCount;
}

/** How much a room notifies me; my devices hear the changed room as a `membership` frame. */
export function putNotifyLevel(roomId: string, level: NotifyLevel): Promise<void> {
  return apiPutEmpty(API.notifyLevel(roomId), { level });
}
