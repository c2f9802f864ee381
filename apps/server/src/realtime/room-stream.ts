import type { Message } from "@parley/protocol";

/**
 * The per-room delivery state of one connection. Work for a room runs one step at a time on
 * `chain`, so catch-up reads and live events can never interleave and reorder messages.
 *
 * `cursor` is the last seq this connection has been sent; `null` means "pass live messages
 * through as they come" (the client has no state for the room and loads it over REST);
 * `"awaiting-sync"` means the client has not told us its cursor yet, so live messages are
 * skipped: its sync will read them from the database anyway (they are committed before they
 * are published).
 */
export interface RoomStream {
  cursor: number | null | "awaiting-sync";
  chain: Promise<void>;
  /** Steps queued on `chain` and not finished: while any are, live messages queue behind them. */
  pending: number;
}

export type LiveDecision =
  | { kind: "skip" }
  | { kind: "send" }
  /** Messages between cursor and this one are missing: read (cursor, seq) first. */
  | { kind: "fill"; after: number };

/** What to do with a live message given the stream's cursor. Pure, for tests. */
export function decideLive(cursor: RoomStream["cursor"], message: Pick<Message, "seq">): LiveDecision {
  if (cursor === "awaiting-sync") return { kind: "skip" };
  if (cursor === null) return { kind: "send" };
  if (message.seq <= cursor) return { kind: "skip" };
  if (message.seq === cursor + 1) return { kind: "send" };
  return { kind: "fill", after: cursor };
}
