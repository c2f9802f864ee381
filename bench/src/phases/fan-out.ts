import type { PhaseRecorder } from "../phase-recorder";
import type { Member, Traffic } from "../traffic";
import { settle, sleep } from "./wait";

/** Time allowed after the last send for the stragglers to arrive before they count as lost. */
const DRAIN_MS = 20_000;

/**
 * Fan-out latency: every member sends `perMember` messages, round-robin, at a steady total
 * `rate`. Open loop (the schedule does not wait for acks), so a slow server shows up as
 * latency rather than as the generator politely slowing down.
 */
export async function runFanOut(
  traffic: Traffic,
  members: Member[],
  perMember: number,
  rate: number,
  signal: AbortSignal,
): Promise<PhaseRecorder> {
  const phase = traffic.begin("fan-out", { retryRateLimited: false });
  const total = perMember * members.length;
  const interval = 1000 / rate;
  const start = performance.now();
  let k = 0;
  while (k < total) {
    if (signal.aborted) throw signal.reason;
    if (traffic.broken) throw new Error(traffic.broken);
    const now = performance.now();
    // Catch up on every send that is due, so timer jitter does not lower the rate.
    while (k < total && start + k * interval <= now) {
      const member = members[k % members.length];
      if (!member) throw new Error("no member to send");
      phase.sendLags.push(performance.now() - (start + k * interval));
      traffic.send(member);
      k += 1;
    }
    if (k < total) await sleep(Math.max(0, start + k * interval - performance.now()));
  }
  await settle(traffic, phase, performance.now() + DRAIN_MS, signal);
  return phase;
}
