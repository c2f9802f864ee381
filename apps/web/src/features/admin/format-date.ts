// Built once: an Intl formatter per table cell is needlessly slow.
const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" });

/** "24 Nov 2026" for a table cell. */
export function formatDay(iso: string): string {
  return day.format(new Date(iso));
}

/** The full date and time, for the cell's hover title. */
export function formatDateTime(iso: string): string {
  return full.format(new Date(iso));
}
