"use client";

import { useProfile } from "./profile-query";

/**
 * A person's display name as their profile has it now (renames arrive live), or `name` — the
 * name the surrounding data carries — until the profile is loaded.
 */
export function ProfileName({ userId, name }: { userId: string; name: string }) {
  return <>{useProfile(userId).data?.displayName ?? name}</>;
}
