import { API, ReadStateResponse, ReadStatesResponse } from "@parley/protocol";
import type { QueryClient } from "@tanstack/react-query";
import { apiPost } from "../api/api-client";
import { applyReadState, readUpTo, updateReadStates } from "./read-states";

/** Moves my read pointer: the counts change at once, the server's answer settles them. */
export async function markRoomRead(queryClient: QueryClient, roomId: string, seq: number): Promise<void> {
  updateReadStates(queryClient, (s) => readUpTo(s, roomId, seq));
  // keepalive: the pointer is often sent as the reader leaves the page.
  const { read } = await apiPost(API.markRead(roomId), { seq }, ReadStateResponse, { keepalive: true });
  updateReadStates(queryClient, (s) => applyReadState(s, read));
}

export async function markAllRoomsRead(queryClient: QueryClient): Promise<void> {
  const { reads } = await apiPost(API.markAllRead, {}, ReadStatesResponse);
  for (const read of reads) updateReadStates(queryClient, (s) => applyReadState(s, read));
}
