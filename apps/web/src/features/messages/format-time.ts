import { dayKey } from "./grouping";

// Formatters are built once: constructing Intl objects per message is measurably slow.
const clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" });
const weekday = new Intl.DateTimeFormat(undefined, { weekday: "long", month: "long", day: "numeric" });
const withYear = new Intl.DateTimeFormat(undefined, { dateStyle: "long" });

/** HH:MM in 24-hour time. */
export function formatClock(iso: string): string {
  return clock.format(new Date(iso));
}

/** The full date and time, for the hover title. */
export function formatFullDate(iso: string): string {
  return full.format(new Date(iso));
}

/** A day separator's label: "Today", "Yesterday", or the date. */
export function formatDayLabel(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (dayKey(date) === dayKey(now)) return "Today";
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (dayKey(date) === dayKey(yesterday)) return "Yesterday";
  return date.getFullYear() === now.getFullYear() ? weekday.format(date) : withYear.format(date);
}
