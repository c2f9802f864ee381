/** What the search box holds: the text and the filters as the person chose them. */
export interface SearchFilters {
  q: string;
  /** "" for every room of mine. */
  roomId: string;
  /** "" for anyone. */
  from: string;
  /** Local calendar days, "YYYY-MM-DD" from a date input; "" for no bound. */
  fromDate: string;
  toDate: string;
  /** Only messages that carry files. */
  hasFile: boolean;
}

export const NO_FILTERS: Omit<SearchFilters, "q"> = {
  roomId: "",
  from: "",
  fromDate: "",
  toDate: "",
  hasFile: false,
};

/** Local midnight of a "YYYY-MM-DD" day, `addDays` later, as an instant; null if not a date. */
export function localDayStart(day: string, addDays = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * The API query for these filters: the dates are whole local days, both included ("to" the
 * 3rd means before the 4th began here). Null while there is nothing to search for.
 */
export function searchParams(filters: SearchFilters): URLSearchParams | null {
  const q = filters.q.trim();
  if (q === "") return null;
  const params = new URLSearchParams({ q });
  if (filters.roomId) params.set("roomId", filters.roomId);
  if (filters.from) params.set("from", filters.from);
  const after = filters.fromDate ? localDayStart(filters.fromDate) : null;
  const before = filters.toDate ? localDayStart(filters.toDate, 1) : null;
  if (after) params.set("after", after);
  if (before) params.set("before", before);
  if (filters.hasFile) params.set("hasFile", "true");
  return params;
}

/** How many filters narrow the search (shown on the Filters toggle). */
export function activeFilterCount(filters: SearchFilters): number {
  return [filters.roomId, filters.from, filters.fromDate, filters.toDate, filters.hasFile].filter(
    (v) => v !== "" && v !== false,
  ).length;
}
