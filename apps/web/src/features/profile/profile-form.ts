import type { Profile, UpdateProfileRequest } from "@parley/protocol";

export interface ProfileValues {
  displayName: string;
  statusText: string;
}

export type ProfileField = keyof ProfileValues;
export const PROFILE_FIELDS: readonly ProfileField[] = ["displayName", "statusText"];

/** The status as the server stores it: one line, single spaces, trimmed. */
export function normaliseStatus(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Only what differs from the stored profile, compared as the server would store it. */
export function changedProfile(profile: Profile, values: ProfileValues): UpdateProfileRequest {
  const changes: UpdateProfileRequest = {};
  if (values.displayName.trim() !== profile.displayName) changes.displayName = values.displayName;
  if (normaliseStatus(values.statusText) !== profile.statusText) changes.statusText = values.statusText;
  return changes;
}
