"use client";

import type { Room } from "@parley/protocol";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useReducer } from "react";
import { membersQuery } from "./moderation-api";
import { isMuted } from "./ranks";

/**
 * Until when I am muted in this room, or null. Read from the member list (refetched when a
 * send is refused with MUTED); re-renders when the mute runs out.
 */
export function useMyMutedUntil(room: Room, myId: string): string | null {
  const members = useQuery({ ...membersQuery(room.id), enabled: room.myRole !== null });
  const mine = members.data?.find((m) => m.user.id === myId)?.mutedUntil ?? null;
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!mine) return;
    const left = new Date(mine).getTime() - Date.now();
    if (left <= 0) return;
    // setTimeout's longest wait is about 24.8 days; a longer mute just re-checks then.
    const timer = setTimeout(rerender, Math.min(left + 250, 2_000_000_000));
    return () => clearTimeout(timer);
  }, [mine]);
  return mine !== null && isMuted(mine, new Date()) ? mine : null;
}
