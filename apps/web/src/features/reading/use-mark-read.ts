"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { queryKeys } from "../api/query-keys";
import { markRoomRead } from "./mark-read";
import type { ReadStates } from "./read-states";

/** Reads settle for this long before they are sent, so scrolling does not post every row. */
const SETTLE_MS = 400;

/**
 * Returns `seen(seq)`, to call with the newest entry the reader actually has on screen; it is
 * only taken while the window is focused and visible (a message in a background tab is not
 * read). The pointer is sent once it has settled, and only when it moves forward. Leaving the
 * room (another room, another page, closing the tab) sends a settling pointer at once: what
 * was read stays read.
 */
export function useMarkRead(roomId: string): (seq: number) => void {
  const queryClient = useQueryClient();
  const pending = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const send = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const upTo = pending.current;
    void markRoomRead(queryClient, roomId, upTo).catch((error: unknown) => {
      // Not lost: the next thing seen sends the pointer again.
      pending.current = 0;
      console.warn("parley: could not mark the room read", error);
    });
  }, [queryClient, roomId]);

  useEffect(() => {
    const flush = () => {
      if (timer.current) send();
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [send]);

  return useCallback(
    (seq: number) => {
      if (document.visibilityState !== "visible" || !document.hasFocus()) return;
      const current = queryClient.getQueryData<ReadStates>(queryKeys.readStates)?.[roomId]?.readSeq ?? 0;
      if (seq <= current || seq <= pending.current) return;
      pending.current = seq;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(send, SETTLE_MS);
    },
    [queryClient, roomId, send],
  );
}
