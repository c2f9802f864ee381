import type { Room } from "@parley/protocol";
import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys";

/** Writes a room's new member count into every cached copy of that room. */
export function setMemberCount(queryClient: QueryClient, roomId: string, memberCount: number): void {
  const patch = (room: Room) => (room.id === roomId ? { ...room, memberCount } : room);
  queryClient.setQueryData<Room>(queryKeys.room(roomId), (room) => (room ? patch(room) : room));
  for (const queryKey of [queryKeys.myRooms, queryKeys.publicRooms]) {
    // By prefix: the browse page keeps one list per search text under publicRooms.
    queryClient.setQueriesData<Room[]>({ queryKey }, (rooms) => rooms?.map(patch));
  }
}
