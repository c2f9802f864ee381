import { SERVER_FRAME, type ServerFrame } from "@parley/protocol";
import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys";
import { applyReadState, countLiveEntry, updateReadStates } from "./read-states";

/**
 * Keeps my read states current from the socket: the server's word when my pointer moves on
 * any device, a live message counted as unread, and a refetch when something changes the
 * counts in a way the client cannot work out alone (a mention's notification, a deletion, a
 * room joined or left, a reconnect after missing frames).
 */
export function syncReadStates(queryClient: QueryClient, myId: string) {
  const refetch = () => void queryClient.invalidateQueries({ queryKey: queryKeys.readStates });
  return (frame: ServerFrame): void => {
    switch (frame.type) {
      case SERVER_FRAME.READ:
        updateReadStates(queryClient, (s) => applyReadState(s, frame.read));
        return;
      case SERVER_FRAME.MESSAGE:
      case SERVER_FRAME.ACK:
        updateReadStates(queryClient, (s) => countLiveEntry(s, frame.message, myId));
        if (frame.message.kind === "deletion") refetch();
        return;
      case SERVER_FRAME.NOTIFICATION:
      case SERVER_FRAME.MEMBERSHIP:
      case SERVER_FRAME.READY:
        refetch();
        return;
    }
  };
}
