"use client";

import type { ReadState } from "@parley/protocol";
import { useQuery } from "@tanstack/react-query";
import { readStatesQuery, unreadTotal } from "./read-states";

/** My read state in one room (undefined until loaded, or when not a member). */
export function useReadState(roomId: string): ReadState | undefined {
  return useQuery({ ...readStatesQuery, select: (states) => states[roomId] }).data;
}

/** Unread messages across my rooms. */
export function useUnreadTotal(): number {
  return useQuery({ ...readStatesQuery, select: unreadTotal }).data ?? 0;
}
