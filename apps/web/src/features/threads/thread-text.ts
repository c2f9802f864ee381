import { formatClock, formatDayLabel } from "../messages/format-time";

/** "1 reply", "4 replies". */
export function replyCountText(count: number): string {
  return count === 1 ? "1 reply" : `${count} replies`;
}

/** "at 14:05" today, "yesterday at 14:05", else "on Monday, March 3 at 14:05" (the timeline's day labels). */
export function relativeReplyTime(iso: string, now: Date = new Date()): string {
  const day = formatDayLabel(iso, now);
  const clock = formatClock(iso);
  if (day === "Today") return `at ${clock}`;
  if (day === "Yesterday") return `yesterday at ${clock}`;
  return `on ${day} at ${clock}`;
}

/** "99+" past 99, like the inbox's badge. */
export function threadBadgeText(count: number): string {
  return count > 99 ? "99+" : String(count);
}
