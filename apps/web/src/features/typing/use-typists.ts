"use client";

import type { PublicUser } from "@parley/protocol";
import { useCallback, useSyncExternalStore } from "react";
import { useRealtime } from "../realtime/realtime-context";
import { typingStoreFor } from "./typing-store";

const NOBODY: readonly PublicUser[] = [];

/** The people typing in a room right now (never the reader). */
export function useTypists(roomId: string): readonly PublicUser[] {
  const store = typingStoreFor(useRealtime());
  const get = useCallback(() => store.typists(roomId), [store, roomId]);
  // Server rendering: nobody is typing before the socket exists.
  return useSyncExternalStore(store.subscribe, get, () => NOBODY);
}
