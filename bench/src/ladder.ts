/**
 * The fan-out ladder's rules, kept pure so they can be tested: which rates to try, and when a
 * rate counts as held.
 */

/** A rate holds while the tail stays under this (the "until p99 passes 100 ms"). */
export const HOLD_P99_MS = 100;
/**
 * A rate only holds if it was really carried: deliveries per second (first send to last
 * receipt) at least this share of what was offered. Below it the server or the generator fell
 * behind, and a good p99 would only describe the messages that got through in time.
 */
export const HOLD_SHARE = 0.9;

export interface StepOutcome {
  offeredPerSec: number;
  deliveredPerSec: number;
  latency: { p99: number | null };
  /** Every member got every message of the step before the drain deadline. */
  complete: boolean;
}

export function held(step: StepOutcome, p99Limit = HOLD_P99_MS): boolean {
  return (
    step.complete &&
    step.latency.p99 !== null &&
    step.latency.p99 <= p99Limit &&
    step.deliveredPerSec >= HOLD_SHARE * step.offeredPerSec
  );
}

/**
 * Messages per second to post so that a room of `members` sees `deliveriesPerSec` deliveries
 * per second (each message is delivered to every member, its sender included). At least 1.
 */
export function messageRate(deliveriesPerSec: number, members: number): number {
  return Math.max(1, Math.round(deliveriesPerSec / members));
}

/** The highest offered rate among the steps that held at `p99Limit`, or null. */
export function highestHeld<T extends StepOutcome>(steps: readonly T[], p99Limit = HOLD_P99_MS): T | null {
  let best: T | null = null;
  for (const s of steps) if (held(s, p99Limit) && (!best || s.offeredPerSec > best.offeredPerSec)) best = s;
  return best;
}
