"use client";

import { useMemo, useSyncExternalStore } from "react";
import { useRealtime } from "../realtime/realtime-context";
import { EMPTY_OUTBOX, type OutboxEntry } from "./outbox";

/** This room's unconfirmed sends, re-rendering when the outbox changes. */
export function useRoomOutbox(roomId: string): OutboxEntry[] {
  const { outbox } = useRealtime();
  const all = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot, () => EMPTY_OUTBOX);
  return useMemo(() => all.filter((e) => e.roomId === roomId), [all, roomId]);
}
