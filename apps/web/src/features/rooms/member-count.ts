import type { Room } from "@parley/protocol";
import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys";

/** Writes a room's new member count into every cached copy of that room. */
export function setMemberCount(queryClient: QueryClient, roomId: string, memberCount: number): void {
  const patch = (room: Room) => (room.id === roomId ? { ...room, memberCount } : room);
  queryClient.setQueryData<Room>(queryKeys.room(roomId), (room) => (room ? patch(room) : room));
  for (const key of [queryKeys.myRooms, queryKeys.publicRooms]) {
    queryClient.setQueryData<Room[]>(key, (rooms) => rooms?.map(patch));
  }
}
