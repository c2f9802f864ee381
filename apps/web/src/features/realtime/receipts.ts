import type { Message } from "@parley/protocol";

/** At most one receipt per room this often. */
export const RECEIPT_INTERVAL_MS = 750;

/**
 * The seq a receipt should report for a room, or null when none is due. Receipts are
 * cumulative ("everything up to seq"), so it is always the newest message held; but only
 * when something above what was already reported is someone else's: our own messages coming
 * back concern no other author, so they alone are not worth a frame.
 */
export function receiptDue(
  messages: readonly Pick<Message, "seq" | "author">[],
  reported: number,
  myId: string,
): number | null {
  const newest = messages.at(-1);
  if (newest === undefined || newest.seq <= reported) return null;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message === undefined || message.seq <= reported) break;
    if (message.author.id !== myId) return newest.seq;
  }
  return null;
}

/**
 * Sends delivery receipts, throttled per room: the first new seq starts a timer, and when it
 * fires the newest seq offered by then goes out, so a burst of messages costs one frame per
 * interval. Only an increase is ever sent. A receipt the socket could not take (it is down)
 * stays due until `flush()` after the next sync.
 */
export class ReceiptScheduler {
  private readonly sent = new Map<string, number>();
  private readonly due = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly send: (roomId: string, seq: number) => boolean,
    private readonly intervalMs = RECEIPT_INTERVAL_MS,
  ) {}

  /** The highest seq sent or about to be. */
  reported(roomId: string): number {
    return Math.max(this.sent.get(roomId) ?? 0, this.due.get(roomId) ?? 0);
  }

  offer(roomId: string, seq: number): void {
    if (seq <= this.reported(roomId)) return;
    this.due.set(roomId, seq);
    if (this.timers.has(roomId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(roomId);
      this.sendDue(roomId);
    }, this.intervalMs);
    this.timers.set(roomId, timer);
  }

  /** The connection is back: send what could not go out (rooms not waiting on their timer). */
  flush(): void {
    for (const roomId of [...this.due.keys()]) if (!this.timers.has(roomId)) this.sendDue(roomId);
  }

  /** The room's cache is gone (the user left it): nothing more to report. */
  forget(roomId: string): void {
    const timer = this.timers.get(roomId);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(roomId);
    this.due.delete(roomId);
    this.sent.delete(roomId);
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private sendDue(roomId: string): void {
    const seq = this.due.get(roomId);
    if (seq === undefined || !this.send(roomId, seq)) return;
    this.due.delete(roomId);
    this.sent.set(roomId, seq);
  }
}
