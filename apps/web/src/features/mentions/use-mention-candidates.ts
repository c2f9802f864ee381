"use client";

import type { Room } from "@parley/protocol";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { membersQuery } from "../moderation/moderation-api";
import { atLeast } from "../moderation/ranks";

export interface MentionCandidates {
  /** People who can be mentioned here (not me). */
  people: Array<{ id: string; name: string }>;
  /** @room and @here are offered (moderators and up, in channels: they notify everyone). */
  everyone: boolean;
}

/** Who the composer's autocomplete offers: the room's members (a DM's other people). */
export function useMentionCandidates(room: Room, myId: string): MentionCandidates {
  const channel = room.kind === "channel";
  const members = useQuery({ ...membersQuery(room.id), enabled: channel && room.myRole !== null });
  return useMemo(() => {
    const people = channel
      ? (members.data ?? []).map((m) => ({ id: m.user.id, name: m.user.displayName }))
      : room.people.map((p) => ({ id: p.id, name: p.displayName }));
    return {
      people: people.filter((p) => p.id !== myId),
      everyone: channel && atLeast(room.myRole, "moderator"),
    };
  }, [channel, members.data, room.people, room.myRole, myId]);
}
