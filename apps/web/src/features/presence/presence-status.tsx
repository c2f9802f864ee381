"use client";

import type { ReactNode } from "react";
import styles from "./presence.module.css";
import { presenceLabel } from "./presence-text";
import { useMinuteClock, usePresence } from "./use-presence";

/**
 * A person's presence in words, for a conversation's header: "Online", "Away", "Last seen
 * 5 min ago". Empty until known (the header then simply says less); `trailing` (a separator
 * before what follows) shows only with it.
 */
export function PresenceStatus({ userId, trailing }: { userId: string; trailing?: ReactNode }) {
  const presence = usePresence(userId);
  const now = useMinuteClock(presence?.status === "offline" && presence.lastSeenAt !== null);
  const label = presenceLabel(presence, now);
  if (!presence || !label) return null;
  return (
    <>
      <span className={styles.status} data-status={presence.status}>
        <span className={styles.inlineDot} data-status={presence.status} aria-hidden="true" />
        {label}
      </span>
      {trailing}
    </>
  );
}
