import { TYPING_SEND_INTERVAL_MS } from "@parley/protocol";

/**
 * Decides when the composer tells the room "I am typing": on the first keystroke, then at
 * most once per interval while the text keeps changing. Sending (or leaving the box) resets
 * it, so the next keystroke is announced at once. Clearing the box says nothing: the others'
 * indicator expires by itself (TYPING_EXPIRE_MS) or when the message arrives.
 */
export class TypingSender {
  private lastSentAt = Number.NEGATIVE_INFINITY;

  constructor(
    /** Sends one typing frame; false when it could not go (socket closed). */
    private readonly send: () => boolean,
    private readonly now: () => number = Date.now,
    private readonly intervalMs = TYPING_SEND_INTERVAL_MS,
  ) {}

  /** The text in the box changed. */
  typed(text: string): void {
    if (text.trim() === "") {
      this.stop();
      return;
    }
    const at = this.now();
    if (at - this.lastSentAt < this.intervalMs) return;
    // Not sent (offline): try again on the next keystroke rather than waiting an interval.
    if (this.send()) this.lastSentAt = at;
  }

  /** The message was sent, or the box lost focus. */
  stop(): void {
    this.lastSentAt = Number.NEGATIVE_INFINITY;
  }
}
