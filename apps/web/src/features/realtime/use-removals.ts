"use client";

import { useSyncExternalStore } from "react";
import { useRealtime } from "./realtime-context";
import type { Removal } from "./removals";

const NONE: readonly Removal[] = [];

/** Every room the user was removed from this session (kicked or banned). */
export function useRemovals(): readonly Removal[] {
  const { removals } = useRealtime();
  return useSyncExternalStore(removals.subscribe, removals.getSnapshot, () => NONE);
}

export function useRemoval(roomId: string): Removal | null {
  return useRemovals().find((r) => r.roomId === roomId) ?? null;
}
