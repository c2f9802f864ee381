import type { UserPresence } from "@parley/protocol";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const onDate = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "long" });
const onDateWithYear = new Intl.DateTimeFormat(undefined, { dateStyle: "long" });

/** "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", "on 12 March". */
export function lastSeenAgo(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  const elapsed = Math.max(0, now.getTime() - then.getTime());
  if (elapsed < MINUTE) return "just now";
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  const days = Math.floor(elapsed / DAY);
  if (days === 1) return "yesterday";
  if (days < 7) return `${days} days ago`;
  return `on ${(then.getFullYear() === now.getFullYear() ? onDate : onDateWithYear).format(then)}`;
}

/**
 * The words for a person's presence: "Online", "Away", "Last seen 5 min ago", or "Offline"
 * when they were never seen. Null while it is not known yet (nothing is claimed then).
 */
export function presenceLabel(presence: UserPresence | undefined, now: Date = new Date()): string | null {
  if (!presence) return null;
  if (presence.status === "online") return "Online";
  if (presence.status === "away") return "Away";
  return presence.lastSeenAt ? `Last seen ${lastSeenAgo(presence.lastSeenAt, now)}` : "Offline";
}

/** The dot's accessible name: its status, and for someone offline when they were last seen. */
export function presenceDotLabel(presence: UserPresence | undefined, now: Date = new Date()): string | null {
  if (!presence) return null;
  if (presence.status !== "offline") return presenceLabel(presence, now);
  return presence.lastSeenAt ? `Offline, last seen ${lastSeenAgo(presence.lastSeenAt, now)}` : "Offline";
}
