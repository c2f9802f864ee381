import type { PhaseRecorder } from "../phase-recorder";
import type { Member, Traffic } from "../traffic";
import { settle } from "./wait";

/**
 * Throughput: `total` messages as fast as the server acks them, each member keeping at most
 * `window` sends un-acked (closed loop, like a client with a bounded outbox). The ack rate is
 * what the write path sustains; the delivery rate adds the fan-out to every member.
 * Past the server's per-connection frame budget, refusals are retried and counted: the rate
 * then measures the limiter, and the report says so.
 */
export async function runThroughput(
  traffic: Traffic,
  members: Member[],
  total: number,
  window: number,
  deadline: number,
  signal: AbortSignal,
): Promise<PhaseRecorder> {
  const phase = traffic.begin("throughput", { retryRateLimited: true });
  const left = members.map(
    (_, i) => Math.floor(total / members.length) + (i < total % members.length ? 1 : 0),
  );
  const sendNext = (i: number) => {
    const member = members[i];
    if (!member || (left[i] ?? 0) <= 0) return;
    left[i] = (left[i] ?? 0) - 1;
    traffic.send(member);
  };
  traffic.onSettled = sendNext;
  try {
    for (let round = 0; round < window; round++) for (let i = 0; i < members.length; i++) sendNext(i);
    await settle(traffic, phase, deadline, signal);
  } finally {
    traffic.onSettled = undefined;
  }
  return phase;
}
