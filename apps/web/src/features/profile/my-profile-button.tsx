"use client";

import { type ReactNode, useId, useState } from "react";
import { useCurrentUser } from "../auth/current-user";
import styles from "./profile.module.css";
import { ProfileDialog } from "./profile-dialog";
import { useProfile } from "./profile-query";
import { useLiveProfiles } from "./use-live-profiles";

/**
 * The signed-in user's own row at the foot of the sidebar: photo, name and status; a click
 * opens the profile settings. The sidebar stays mounted for the whole signed-in session (on
 * phones too, only hidden), so this row also keeps every cached profile live. `children` is
 * the avatar, as the sidebar draws it (with its presence dot).
 */
export function MyProfileButton({ children }: { children: ReactNode }) {
  useLiveProfiles();
  const user = useCurrentUser();
  const status = useProfile(user.id).data?.statusText ?? "";
  const [editing, setEditing] = useState(false);
  // Named by its text only: the avatar's presence dot has a label of its own.
  const textId = useId();
  return (
    <>
      <button
        type="button"
        className={styles.me}
        title={user.email}
        aria-labelledby={textId}
        onClick={() => setEditing(true)}
      >
        {children}
        <span className={styles.meText} id={textId}>
          <span className="visually-hidden">Edit your profile: </span>
          <span className={styles.meName}>{user.displayName}</span>
          <span className={styles.meStatus}>{status || "Set a status"}</span>
        </span>
      </button>
      {editing && <ProfileDialog open onClose={() => setEditing(false)} />}
    </>
  );
}
