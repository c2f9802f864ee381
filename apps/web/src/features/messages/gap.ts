import type { Message } from "@parley/protocol";

/** Sequence numbers are gapless per room, so a jump means messages we have not received. */

/** The seq to fetch after when `incoming` lands beyond the newest message we hold, else null. */
export function gapBefore(existing: readonly Message[], incoming: Pick<Message, "seq">): number | null {
  const newest = existing.at(-1);
  if (newest === undefined) return null;
  return incoming.seq > newest.seq + 1 ? newest.seq : null;
}

/** The first hole in an ascending list: fetch `after` it, up to (not including) `before`. */
export function findGap(messages: readonly Message[]): { after: number; before: number } | null {
  for (let i = 1; i < messages.length; i++) {
    const previous = messages[i - 1];
    const current = messages[i];
    if (previous && current && current.seq > previous.seq + 1) {
      return { after: previous.seq, before: current.seq };
    }
  }
  return null;
}
