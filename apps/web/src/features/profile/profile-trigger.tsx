"use client";

import { type ReactNode, useState } from "react";
import { useCurrentUser } from "../auth/current-user";
import type { Rect } from "./card-position";
import styles from "./profile.module.css";
import { ProfileCard } from "./profile-card";
import { ProfileDialog } from "./profile-dialog";

/**
 * Makes a person's name or avatar a button that opens their profile card. `decorative` is for
 * an avatar beside the name button: still clickable, but skipped by the keyboard and screen
 * readers, which reach the same card through the name.
 */
export function ProfileTrigger({
  userId,
  name,
  decorative = false,
  className,
  children,
}: {
  userId: string;
  name: string;
  decorative?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const me = useCurrentUser();
  const [anchor, setAnchor] = useState<Rect | null>(null);
  const [editing, setEditing] = useState(false);
  const isMe = me.id === userId;
  return (
    <>
      <button
        type="button"
        className={[styles.trigger, decorative ? styles.pictureTrigger : "", className ?? ""].join(" ")}
        aria-haspopup="dialog"
        aria-hidden={decorative || undefined}
        tabIndex={decorative ? -1 : undefined}
        title={decorative ? undefined : `View ${name}'s profile`}
        onClick={(event) => {
          const { top, left, right, bottom } = event.currentTarget.getBoundingClientRect();
          setAnchor({ top, left, right, bottom });
        }}
      >
        {children}
      </button>
      {anchor && (
        <ProfileCard
          userId={userId}
          name={name}
          anchor={anchor}
          isMe={isMe}
          onEditProfile={() => setEditing(true)}
          onClose={() => setAnchor(null)}
        />
      )}
      {isMe && editing && <ProfileDialog open onClose={() => setEditing(false)} />}
    </>
  );
}
