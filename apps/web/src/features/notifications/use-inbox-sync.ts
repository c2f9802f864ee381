"use client";

import { SERVER_FRAME, type ServerFrame } from "@parley/protocol";
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { queryKeys } from "../api/query-keys";
import { useRealtime } from "../realtime/realtime-context";
import {
  applyDeletion,
  applyRoomRead,
  hasUnloadedUnread,
  type InboxData,
  markAllEntriesRead,
  markEntriesRead,
  prependNotification,
  setUnreadCount,
} from "./inbox-cache";
import { updateInbox } from "./inbox-query";

/**
 * Keeps the cached inbox equal to what a fresh fetch would return, from the socket: new
 * entries on top, entries read when their room is read or they are marked read (on any of my
 * devices), deleted
 * messages shown as deleted; after a reconnect, whatever was missed is fetched again.
 */
export function useInboxSync(): void {
  const controller = useRealtime();
  const queryClient = useQueryClient();
  useEffect(() => {
    // The first `ready` is this page's first connection: the inbox query is loading anyway.
    let connectedBefore = false;
    return controller.subscribeFrames((frame) => {
      if (frame.type === SERVER_FRAME.READY) {
        if (connectedBefore) refetchInbox(queryClient);
        connectedBefore = true;
        return;
      }
      applyInboxFrame(queryClient, frame);
    });
  }, [controller, queryClient]);
}

function refetchInbox(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
}

/**
 * A fetch in flight may have read the inbox before this change and would overwrite it with
 * that older snapshot: cancel it and ask again (the new fetch starts after the change, so its
 * answer has it). Cancelled first because an invalidation alone joins a first load in flight
 * instead of starting another. True if it did.
 */
function refetchIfFetching(queryClient: QueryClient): boolean {
  if (queryClient.isFetching({ queryKey: queryKeys.inbox }) === 0) return false;
  void queryClient.cancelQueries({ queryKey: queryKeys.inbox }).then(() => refetchInbox(queryClient));
  return true;
}

export function applyInboxFrame(queryClient: QueryClient, frame: ServerFrame): void {
  switch (frame.type) {
    case SERVER_FRAME.NOTIFICATION: {
      const loaded = queryClient.getQueryData<InboxData>(queryKeys.inbox);
      updateInbox(queryClient, (data) => prependNotification(data, frame.notification));
      // A fetch in flight that may predate it, or nothing loaded to put it on: ask again.
      if (!refetchIfFetching(queryClient) && !loaded) refetchInbox(queryClient);
      return;
    }
    case SERVER_FRAME.READ: {
      const { roomId, readSeq } = frame.read;
      updateInbox(queryClient, (data) => applyRoomRead(data, roomId, readSeq));
      const data = queryClient.getQueryData<InboxData>(queryKeys.inbox);
      // Unread entries on pages not loaded may have been read too: only the server can count them.
      if (data && hasUnloadedUnread(data)) refetchInbox(queryClient);
      else refetchIfFetching(queryClient);
      return;
    }
    case SERVER_FRAME.NOTIFICATIONS_READ: {
      const { read, unreadCount } = frame;
      updateInbox(queryClient, (data) =>
        setUnreadCount(
          "ids" in read ? markEntriesRead(data, read.ids) : markAllEntriesRead(data),
          unreadCount,
        ),
      );
      refetchIfFetching(queryClient);
      return;
    }
    case SERVER_FRAME.MESSAGE: {
      const { kind, targetId } = frame.message;
      if (kind === "deletion" && targetId) {
        updateInbox(queryClient, (data) => applyDeletion(data, targetId));
        refetchIfFetching(queryClient);
      }
      return;
    }
  }
}
