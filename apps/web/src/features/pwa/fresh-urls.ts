import { API, HISTORY_PAGE_SIZE } from "@parley/protocol";

const ROOM_PAGE = /^\/rooms\/([0-9a-f-]{36})$/;

/**
 * The API reads the offline view of this page needs — who I am, my room list, and in a room its
 * details and newest page of history (the URL messages/message-cache.ts asks for) — for the
 * service worker to keep: fetched once when missing as pages are reached, refreshed when the
 * tab is hidden.
 */
export function freshUrls(pathname: string, origin: string): string[] {
  const urls: string[] = [API.me, API.myRooms];
  const room = ROOM_PAGE.exec(pathname)?.[1];
  if (room) urls.push(API.room(room), `${API.messages(room)}?limit=${HISTORY_PAGE_SIZE}`);
  return urls.map((url) => `${origin}${url}`);
}
