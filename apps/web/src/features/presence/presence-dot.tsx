"use client";

import type { ReactNode } from "react";
import { Avatar } from "../ui/avatar";
import styles from "./presence.module.css";
import { presenceDotLabel } from "./presence-text";
import { useMinuteClock, usePresence } from "./use-presence";

type Tone = "light" | "dark";

interface DotOptions {
  /** Px; about a third of the avatar. */
  dotSize?: number;
  /** "dark" on the sidebar, so the dot's ring matches its background. */
  tone?: Tone;
  /**
   * False inside something named by its text (a link, a listbox option): the status would
   * become part of that name ("Online Ben"), so the dot is then only seen (with its title).
   */
  labelled?: boolean;
}

/**
 * A person's presence as a dot on their avatar: online green, away a hollow amber ring,
 * offline grey; its name (and title) says it in words, with "last seen" when offline. Nothing
 * is drawn until the server has said — no guess is shown as a fact.
 */
export function PresenceDot({
  userId,
  dotSize = 10,
  tone = "light",
  labelled = true,
}: { userId: string } & DotOptions) {
  const presence = usePresence(userId);
  const now = useMinuteClock(presence?.status === "offline" && presence.lastSeenAt !== null);
  const label = presenceDotLabel(presence, now);
  if (!presence || !label) return null;
  return (
    <span
      className={styles.dot}
      data-status={presence.status}
      data-tone={tone}
      style={{ width: dotSize, height: dotSize }}
      title={label}
      {...(labelled ? { role: "img", "aria-label": label } : { "aria-hidden": true })}
    />
  );
}

/** Anything avatar-shaped with the person's presence dot on its lower right corner. */
export function WithPresence({
  userId,
  children,
  ...options
}: { userId: string; children: ReactNode } & DotOptions) {
  return (
    <span className={styles.anchor}>
      {children}
      <PresenceDot userId={userId} {...options} />
    </span>
  );
}

/** The usual case: a person's avatar with their presence. */
export function AvatarWithPresence({
  userId,
  name,
  size = 36,
  ...options
}: { userId: string; name: string; size?: number } & DotOptions) {
  return (
    <WithPresence userId={userId} dotSize={Math.max(8, Math.round(size * 0.32))} {...options}>
      <Avatar userId={userId} name={name} size={size} />
    </WithPresence>
  );
}
