const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Built once: one formatter for every card.
const date = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/**
 * How recently a room was active, for the browse list: "active 5 min ago", "active 3 h ago",
 * "active 2 days ago", then the date. A clock a little ahead of ours reads as "just now".
 */
export function activityLabel(lastActivityAt: string | null, now: Date = new Date()): string {
  if (lastActivityAt === null) return "no messages yet";
  const then = new Date(lastActivityAt);
  const ago = now.getTime() - then.getTime();
  if (ago < MINUTE) return "active just now";
  if (ago < HOUR) return `active ${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY) return `active ${Math.floor(ago / HOUR)} h ago`;
  const days = Math.floor(ago / DAY);
  if (days < 30) return days === 1 ? "active 1 day ago" : `active ${days} days ago`;
  return `active ${date.format(then)}`;
}
