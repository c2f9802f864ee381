/** The slow-mode choices offered in room settings, in seconds (0 = off). */
export const SLOW_MODE_CHOICES = [0, 5, 10, 30, 60, 300, 900, 3600] as const;

/** "Off", "5 s", "1 min", "1 h" — also for a value set through the API that is not a choice. */
export function slowModeLabel(seconds: number): string {
  if (seconds <= 0) return "Off";
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/**
 * The options for the select: the fixed choices, plus the room's current value when it is
 * something else (set through the API), so the select never shows a value it does not have.
 */
export function slowModeOptions(current: number): { value: number; label: string }[] {
  const values: number[] = [...SLOW_MODE_CHOICES];
  if (!values.includes(current)) values.push(current);
  return values.sort((a, b) => a - b).map((value) => ({ value, label: slowModeLabel(value) }));
}
