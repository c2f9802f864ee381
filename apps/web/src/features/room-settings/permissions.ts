import type { Room } from "@parley/protocol";

// What the UI offers; the server's rules module decides (room.manage, room.delete) and
// refuses anything else, so these only keep buttons away from people who cannot use them.

/** Channel admins and owners change settings; direct conversations have none. */
export function canManageRoom(room: Room): boolean {
  return room.kind === "channel" && (room.myRole === "owner" || room.myRole === "admin");
}

/** Only the owner deletes a channel. */
export function canDeleteRoom(room: Room): boolean {
  return room.kind === "channel" && room.myRole === "owner";
}
