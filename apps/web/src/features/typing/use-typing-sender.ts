"use client";

import { CLIENT_FRAME } from "@parley/protocol";
import { useMemo } from "react";
import { useRealtime } from "../realtime/realtime-context";
import { TypingSender } from "./typing-sender";

/**
 * For the composer: `typed(text)` on every change, `stop()` on send and on blur. Typing is
 * ephemeral, so a frame that cannot go now (socket closed) is dropped, never queued.
 */
export function useTypingSender(roomId: string): Pick<TypingSender, "typed" | "stop"> {
  const realtime = useRealtime();
  return useMemo(() => {
    const sender = new TypingSender(() => realtime.sendFrame({ type: CLIENT_FRAME.TYPING, roomId }));
    return { typed: (text: string) => sender.typed(text), stop: () => sender.stop() };
  }, [realtime, roomId]);
}
