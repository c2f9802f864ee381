/**
 * Every cache key in one place. TanStack Query is the only client cache; the socket writes
 * into these same keys. Room keys share the "rooms" prefix so one invalidation refreshes all.
 */
export const queryKeys = {
  me: ["me"] as const,
  rooms: ["rooms"] as const,
  myRooms: ["rooms", "mine"] as const,
  publicRooms: ["rooms", "public"] as const,
  room: (roomId: string) => ["rooms", "detail", roomId] as const,
  /** Moderation lists live under the room's key, so refreshing a room refreshes them too. */
  members: (roomId: string) => ["rooms", "detail", roomId, "members"] as const,
  bans: (roomId: string) => ["rooms", "detail", roomId, "bans"] as const,
  audit: (roomId: string) => ["rooms", "detail", roomId, "audit"] as const,
  invites: (roomId: string) => ["rooms", "detail", roomId, "invites"] as const,
  invitation: (code: string) => ["invitation", code] as const,
  allMessages: ["messages"] as const,
  messages: (roomId: string) => ["messages", roomId] as const,
  /** Per room: the seq up to which my messages reached another member's device (socket-fed). */
  allDelivered: ["delivered"] as const,
  delivered: (roomId: string) => ["delivered", roomId] as const,
  /** My read pointer, unread and mention counts in every room of mine (socket-fed). */
  readStates: ["read-states"] as const,
  /** How far the other members have read a room (socket-fed), under the room's key. */
  readReceipts: (roomId: string) => ["rooms", "detail", roomId, "receipts"] as const,
  /** My notifications inbox, newest first, paged backwards (socket-fed: new entries, read flags). */
  inbox: ["inbox"] as const,
};
