import type { Room, RoomUpdatedFrame } from "@parley/protocol";
import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys";

/**
 * The server's answer to a settings change goes into every cached copy of the room at once
 * (the header, the sidebar, the browse list); the lists are then refetched because a rename
 * can change their order and whether a search still matches.
 */
export function storeUpdatedRoom(queryClient: QueryClient, room: Room): void {
  queryClient.setQueryData(queryKeys.room(room.id), room);
  for (const queryKey of [queryKeys.myRooms, queryKeys.publicRooms]) {
    // By prefix: the browse page keeps one list per search text under publicRooms.
    queryClient.setQueriesData<Room[]>({ queryKey }, (rooms) =>
      rooms?.map((r) => (r.id === room.id ? room : r)),
    );
    void queryClient.invalidateQueries({ queryKey });
  }
}

/**
 * The room is gone: out of the lists at once. Its own query is left alone (the page showing it
 * is being left; refetching it now would only flash "not found").
 */
export function forgetDeletedRoom(queryClient: QueryClient, roomId: string): void {
  for (const queryKey of [queryKeys.myRooms, queryKeys.publicRooms]) {
    queryClient.setQueriesData<Room[]>({ queryKey }, (rooms) => rooms?.filter((r) => r.id !== roomId));
  }
}

/**
 * A `room.updated` frame (someone changed the settings): the changes go into every cached copy
 * of the room, which then equals what a fresh fetch would return. A rename also refetches the
 * lists, whose order (and search matches) depend on the name.
 */
export function applyRoomChanges(
  queryClient: QueryClient,
  roomId: string,
  changes: RoomUpdatedFrame["changes"],
): void {
  const patch = (room: Room): Room => (room.id === roomId ? { ...room, ...definedOnly(changes) } : room);
  queryClient.setQueryData<Room>(queryKeys.room(roomId), (room) => (room ? patch(room) : room));
  for (const queryKey of [queryKeys.myRooms, queryKeys.publicRooms]) {
    queryClient.setQueriesData<Room[]>({ queryKey }, (rooms) => rooms?.map(patch));
    if (changes.name !== undefined) void queryClient.invalidateQueries({ queryKey });
  }
}

/** JSON has no undefined, but a frame object built in code might: never let one erase a field. */
function definedOnly(changes: RoomUpdatedFrame["changes"]): Partial<Room> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}
