"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { loadOlderMessages } from "./message-cache";

/** Loads the page before the oldest message; ignores calls while one is in flight. */
export function useLoadOlder(roomId: string) {
  const queryClient = useQueryClient();
  const inFlight = useRef(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    // A ref, not state: scroll events can fire twice before a re-render.
    if (inFlight.current) return;
    inFlight.current = true;
    setLoading(true);
    setError(null);
    try {
      await loadOlderMessages(queryClient, roomId);
    } catch (caught) {
      setError(caught);
    } finally {
      inFlight.current = false;
      setLoading(false);
    }
  }, [queryClient, roomId]);

  return { load, loading, error };
}
