/**
 * Lets through at most one typing frame per interval. A well-behaved client sends one every
 * 2.5 s while typing; anything faster is a broken or hostile client, and each accepted frame
 * costs a membership read and a fan-out to the whole room, so the extra ones are dropped
 * silently (an error frame per dropped frame would itself be the flood).
 */
export class TypingThrottle {
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly minIntervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when this frame may go out; it then starts the next interval. */
  take(): boolean {
    const at = this.now();
    if (at - this.last < this.minIntervalMs) return false;
    this.last = at;
    return true;
  }
}
