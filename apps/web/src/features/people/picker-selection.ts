import type { PublicUser } from "@parley/protocol";

/**
 * Choosing a person in the picker. Choosing someone already chosen takes them out again; with
 * room for one person only (single-select), the new choice replaces the old one; past the limit
 * nothing changes (the picker says why).
 */
export function togglePerson(
  chosen: readonly PublicUser[],
  person: PublicUser,
  max: number,
): readonly PublicUser[] {
  if (chosen.some((p) => p.id === person.id)) return chosen.filter((p) => p.id !== person.id);
  if (max === 1) return [person];
  if (chosen.length >= max) return chosen;
  return [...chosen, person];
}

/** Whether this result can be chosen now (the limit is reached, but a chosen one can be removed). */
export function canChoose(chosen: readonly PublicUser[], personId: string, max: number): boolean {
  return max === 1 || chosen.length < max || chosen.some((p) => p.id === personId);
}

/**
 * The highlighted result after a key press in the search box: the arrows wrap around, Home and
 * End jump; anything else leaves it. -1 means nothing is highlighted (no results).
 */
export function moveHighlight(current: number, count: number, key: string): number {
  if (count === 0) return -1;
  switch (key) {
    case "ArrowDown":
      return current < 0 ? 0 : (current + 1) % count;
    case "ArrowUp":
      return current <= 0 ? count - 1 : current - 1;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return Math.min(current, count - 1);
  }
}
