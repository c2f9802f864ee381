"use client";

import type { UserPresence } from "@parley/protocol";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { useRealtime } from "../realtime/realtime-context";
import { presenceStoreFor } from "./presence-session";

/** A person's presence while the calling component shows them; undefined until known. */
export function usePresence(userId: string): UserPresence | undefined {
  const store = presenceStoreFor(useRealtime());
  useEffect(() => store.watch(userId), [store, userId]);
  const get = useCallback(() => store.get(userId), [store, userId]);
  return useSyncExternalStore(store.subscribe, get, () => undefined);
}

/** The time now, renewed every minute while `ticking`, so "5 min ago" does not go stale. */
export function useMinuteClock(ticking: boolean): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!ticking) return;
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}
