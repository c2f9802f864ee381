export interface Rect {
  top: number;
  left: number;
  right: number;
  bottom: number;
}

/** Space kept between the card and its anchor, and between the card and the window's edge. */
const GAP = 8;

/**
 * Where the profile card opens on a wide screen: beside what was clicked — to its right (a
 * message author, at the left of the window) or, when that does not fit, to its left (a member
 * in the right-hand panel) — top-aligned with it, and always wholly inside the window.
 */
export function placeCard(
  anchor: Rect,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): { top: number; left: number } {
  const clamp = (value: number, max: number) => Math.max(GAP, Math.min(value, max));
  const right = anchor.right + GAP;
  const left =
    right + card.width <= viewport.width - GAP
      ? right
      : anchor.left - GAP - card.width >= GAP
        ? anchor.left - GAP - card.width
        : clamp(anchor.left, viewport.width - GAP - card.width);
  return { top: clamp(anchor.top, viewport.height - GAP - card.height), left };
}
