import type { NotifyLevel, Room } from "@parley/protocol";
import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys";

/**
 * Sets my level in every cached copy of the room (its header, the sidebar list) and returns
 * the level it had, to put back if the server refuses. The `membership` frame that follows a
 * change brings the whole room as the server has it.
 */
export function setCachedNotifyLevel(
  queryClient: QueryClient,
  roomId: string,
  level: NotifyLevel,
): NotifyLevel | null {
  const previous =
    queryClient.getQueryData<Room>(queryKeys.room(roomId))?.myNotify ??
    queryClient.getQueryData<Room[]>(queryKeys.myRooms)?.find((r) => r.id === roomId)?.myNotify ??
    null;
  const patch = (room: Room): Room =>
    room.id === roomId && room.myNotify !== null ? { ...room, myNotify: level } : room;
  queryClient.setQueryData<Room>(queryKeys.room(roomId), (room) => (room ? patch(room) : room));
  queryClient.setQueryData<Room[]>(queryKeys.myRooms, (rooms) => rooms?.map(patch));
  return previous;
}
