import type { Message } from "@parley/protocol";

/**
 * Merges two lists of messages into one ascending by seq, with one entry per seq. When both
 * lists hold a seq, the incoming copy wins (it is the fresher one). Returns `existing` itself
 * when nothing changed, so React Query and React can skip a re-render.
 */
export function mergeMessages(
  existing: readonly Message[],
  incoming: readonly Message[],
): readonly Message[] {
  if (incoming.length === 0) return existing;
  const bySeq = new Map<number, Message>();
  for (const message of existing) bySeq.set(message.seq, message);
  let changed = false;
  for (const message of incoming) {
    const previous = bySeq.get(message.seq);
    if (previous !== undefined && sameMessage(previous, message)) continue;
    bySeq.set(message.seq, message);
    changed = true;
  }
  if (!changed) return existing;
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function sameMessage(a: Message, b: Message): boolean {
  return a.id === b.id && a.body === b.body && a.author.displayName === b.author.displayName;
}
