"use client";

import type { ReadState } from "@parley/protocol";
import styles from "./reading.module.css";

/** "99+" past 99: the exact number of a flood helps nobody. */
export function countLabel(count: number): string {
  return count > 99 ? "99+" : String(count);
}

/**
 * A sidebar row's badge: mentions in the accent colour (they are for me), otherwise the unread
 * count — except in a muted room, which only ever shows mentions.
 */
export function UnreadBadge({ read, muted }: { read: ReadState | undefined; muted: boolean }) {
  if (!read) return null;
  if (read.mentionCount > 0) {
    const noun = read.mentionCount === 1 ? "unread mention" : "unread mentions";
    return (
      <span className={`${styles.badge} ${styles.mention}`} title={`${read.mentionCount} ${noun}`}>
        <span aria-hidden="true">@</span>
        {countLabel(read.mentionCount)}
        <span className="visually-hidden"> {noun}</span>
      </span>
    );
  }
  if (muted || read.unreadCount === 0) return null;
  return (
    <span
      className={styles.badge}
      title={`${read.unreadCount} unread ${read.unreadCount === 1 ? "message" : "messages"}`}
    >
      {countLabel(read.unreadCount)}
      <span className="visually-hidden"> unread</span>
    </span>
  );
}
