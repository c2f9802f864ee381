"use client";

import { SERVER_FRAME } from "@parley/protocol";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useRealtime } from "../realtime/realtime-context";
import { threadKeys } from "./thread-queries";

/**
 * Keeps the Threads view and its badge fresh from the socket: a reply in a thread I follow
 * arrives as an inbox entry of kind "thread"; reading a thread on another device marks its
 * entries read there (`notifications.read`); my own thread reply makes me follow (the open
 * thread's state is fetched again too); after a
 * reconnect whatever was missed is fetched again. Each refetches the list (one small query)
 * rather than re-deriving it here: the server alone knows every thread I follow.
 */
export function useThreadsSync(): void {
  const controller = useRealtime();
  const queryClient = useQueryClient();
  useEffect(() => {
    let connectedBefore = false;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: threadKeys.list });
    return controller.subscribeFrames((frame) => {
      if (frame.type === SERVER_FRAME.READY) {
        if (connectedBefore) refresh();
        connectedBefore = true;
      } else if (frame.type === SERVER_FRAME.NOTIFICATION) {
        if (frame.notification.kind === "thread") refresh();
      } else if (frame.type === SERVER_FRAME.NOTIFICATIONS_READ) {
        refresh();
      } else if (frame.type === SERVER_FRAME.ACK) {
        const { roomId, threadRootId } = frame.message;
        if (!threadRootId || frame.duplicate) return;
        // Replying made me follow (and read up to my reply): the open thread's state too.
        refresh();
        void queryClient.invalidateQueries({ queryKey: threadKeys.thread(roomId, threadRootId) });
      }
    });
  }, [controller, queryClient]);
}
