"use client";

import { SERVER_FRAME } from "@parley/protocol";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useRealtime } from "../realtime/realtime-context";
import { applyProfile, profileKeys } from "./profile-query";

/**
 * Keeps cached profiles live: a `profile.updated` frame carries the whole new profile (no
 * refetch), and after a reconnect the profiles on screen are refetched — in one batch — since
 * changes made while we were away were not heard. Mounted once per signed-in session.
 */
export function useLiveProfiles(): void {
  const realtime = useRealtime();
  const queryClient = useQueryClient();
  useEffect(() => {
    // Already open: the first `ready` went by before we listened, the next one is a reconnect.
    let connectedBefore = realtime.getStatus() === "open";
    return realtime.subscribeFrames((frame) => {
      if (frame.type === SERVER_FRAME.PROFILE_UPDATED) applyProfile(queryClient, frame.profile);
      if (frame.type === SERVER_FRAME.READY) {
        if (connectedBefore) void queryClient.invalidateQueries({ queryKey: profileKeys.all });
        connectedBefore = true;
      }
    });
  }, [realtime, queryClient]);
}
