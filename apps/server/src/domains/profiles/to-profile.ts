import { API, type Profile } from "@parley/protocol";
import { webpFileName } from "../../media/media-paths";

/**
 * The URL of an avatar image (a person's or a channel's) stored under its content hash, or
 * null when there is none. The hash is in the name, so browsers may cache it forever.
 */
export function avatarImageUrl(hash: string | null): string | null {
  return hash ? API.avatarFile(webpFileName(hash)) : null;
}

/** The users columns a profile is made of. */
export const PROFILE_COLUMNS = [
  "id",
  "display_name",
  "status_text",
  "avatar_hash",
  "avatar_thumb_hash",
] as const;

export interface ProfileRow {
  id: string;
  display_name: string;
  status_text: string;
  avatar_hash: string | null;
  avatar_thumb_hash: string | null;
}

/** A users row as everyone sees it. Avatar URLs carry the content hash: cacheable forever. */
export function toProfile(row: ProfileRow): Profile {
  return {
    id: row.id,
    displayName: row.display_name,
    statusText: row.status_text,
    avatarUrl: avatarImageUrl(row.avatar_hash),
    avatarThumbUrl: avatarImageUrl(row.avatar_thumb_hash),
  };
}
