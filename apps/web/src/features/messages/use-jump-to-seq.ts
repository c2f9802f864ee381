"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { queryKeys } from "../api/query-keys";
import { loadOlderMessages, type MessagesCache } from "./message-cache";

/** At most this many older pages are fetched to reach a message (50 each). */
const MAX_PAGES = 40;

/**
 * Makes sure the history held reaches back to `seq` (loading older pages as needed), then
 * reports it reached: the caller scrolls to the row. `token` lets the same seq be asked again.
 */
export function useReachSeq(
  roomId: string,
  target: { seq: number; token: number } | null,
): { reached: { seq: number; token: number } | null; loading: boolean; error: unknown } {
  const queryClient = useQueryClient();
  const [reached, setReached] = useState<{ seq: number; token: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!target) return;
    let cancelled = false;
    const held = () => queryClient.getQueryData<MessagesCache>(queryKeys.messages(roomId));
    void (async () => {
      setLoading(true);
      setError(null);
      try {
        for (let page = 0; page < MAX_PAGES; page++) {
          const cache = held();
          const oldest = cache?.messages[0]?.seq;
          if (!cache?.hasOlder || (oldest !== undefined && oldest <= target.seq)) break;
          await loadOlderMessages(queryClient, roomId);
          if (cancelled) return;
        }
        if (!cancelled) setReached(target);
      } catch (caught) {
        if (!cancelled) setError(caught);
      } finally {
        if (!cancelled) setLoading(false);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [queryClient, roomId, target]);

  return { reached, loading, error };
}
