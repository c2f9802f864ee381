const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Built once: formatting is per entry, constructing Intl objects is not cheap.
const sameYear = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });
const otherYear = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" });

/**
 * How long ago, shortly, as an inbox lists it: "now", "5 min", "3 h", "2 d", then the date.
 * A clock a little ahead of ours reads as "now".
 */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  const ago = now.getTime() - then.getTime();
  if (ago < MINUTE) return "now";
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min`;
  if (ago < DAY) return `${Math.floor(ago / HOUR)} h`;
  if (ago < 7 * DAY) return `${Math.floor(ago / DAY)} d`;
  return then.getFullYear() === now.getFullYear() ? sameYear.format(then) : otherYear.format(then);
}

/** The exact time, for the hover title. */
export function fullTime(iso: string): string {
  return full.format(new Date(iso));
}
