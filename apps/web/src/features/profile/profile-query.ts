"use client";

import type { Profile, User } from "@parley/protocol";
import { type QueryClient, queryOptions, useQuery } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys";
import { fetchProfiles } from "./profile-api";
import { ProfileBatcher } from "./profile-batcher";

/** Profiles are cached one per person, so any screen that shows someone shares the entry. */
export const profileKeys = {
  all: ["profiles"] as const,
  one: (userId: string) => ["profiles", userId] as const,
};

// One per tab: every avatar mounted in the same tick joins the same request.
const batcher = new ProfileBatcher(fetchProfiles);

export function profileQuery(userId: string) {
  return queryOptions({
    queryKey: profileKeys.one(userId),
    queryFn: () => batcher.load(userId),
    // Changes arrive live (`profile.updated`) for everyone who shares a room with the person;
    // for the others (an admin's table, people search) a few minutes' delay is fine.
    staleTime: 5 * 60_000,
  });
}

/** Someone's profile: `data` is the profile, null for an unknown account, undefined while loading. */
export function useProfile(userId: string) {
  return useQuery(profileQuery(userId));
}

/**
 * Writes a profile we were handed (a live frame, or our own save) into the cache. For the
 * signed-in user it also renames them in the session's user, which the sidebar shows.
 */
export function applyProfile(queryClient: QueryClient, profile: Profile): void {
  queryClient.setQueryData(profileKeys.one(profile.id), profile);
  queryClient.setQueryData<User | null>(queryKeys.me, (me) =>
    me && me.id === profile.id && me.displayName !== profile.displayName
      ? { ...me, displayName: profile.displayName }
      : me,
  );
}
