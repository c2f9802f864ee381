/** Slack-style grouping: consecutive messages by one author within this window share a header. */
export const GROUP_WINDOW_MS = 5 * 60 * 1000;

export interface GroupableItem {
  authorId: string;
  createdAt: string;
}

export interface ItemLayout {
  /** Show avatar, name and time (false: a continuation line of the previous message). */
  startsGroup: boolean;
  /** A day separator goes above this item. */
  startsDay: boolean;
}

/** A local calendar day, as a comparable key. */
export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

export function layoutItems(items: readonly GroupableItem[]): ItemLayout[] {
  const layouts: ItemLayout[] = [];
  let previous: { authorId: string; time: number; day: string } | null = null;
  for (const item of items) {
    const date = new Date(item.createdAt);
    const time = date.getTime();
    const day = dayKey(date);
    const startsDay = previous === null || previous.day !== day;
    const startsGroup =
      startsDay ||
      previous === null ||
      previous.authorId !== item.authorId ||
      time - previous.time > GROUP_WINDOW_MS ||
      // A clock step backwards (a pending message stamped by this device): start afresh.
      time < previous.time;
    layouts.push({ startsGroup, startsDay });
    previous = { authorId: item.authorId, time, day };
  }
  return layouts;
}
