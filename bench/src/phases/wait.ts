import type { PhaseRecorder } from "../phase-recorder";
import type { Traffic } from "../traffic";

const POLL_MS = 20;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until every send of the phase is acked and delivered to every member. Gives up (and
 * leaves the rest to be reported as missing) at the deadline, on abort, or when a socket broke.
 * Polling is fine here: the phase's figures come from frame timestamps, not from this loop.
 */
export async function settle(
  traffic: Traffic,
  phase: PhaseRecorder,
  deadline: number,
  signal: AbortSignal,
): Promise<void> {
  while (traffic.outstanding(phase) > 0) {
    if (signal.aborted) throw signal.reason;
    if (traffic.broken) throw new Error(traffic.broken);
    if (performance.now() > deadline) {
      traffic.countError(`${phase.name}: timed out waiting for acks/deliveries`);
      return;
    }
    await sleep(POLL_MS);
  }
}
