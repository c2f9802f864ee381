import { queryOptions } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys";
import { fetchMyRooms, fetchPublicRooms, fetchRoom } from "./rooms-api";

export const myRoomsQuery = queryOptions({ queryKey: queryKeys.myRooms, queryFn: fetchMyRooms });

export const publicRoomsQuery = queryOptions({ queryKey: queryKeys.publicRooms, queryFn: fetchPublicRooms });

export function roomQuery(roomId: string) {
  return queryOptions({ queryKey: queryKeys.room(roomId), queryFn: () => fetchRoom(roomId) });
}
