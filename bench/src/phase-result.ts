import type { PhaseRecorder } from "./phase-recorder";
import { type LatencySummary, round, summarize } from "./stats";

/** One phase as reported: counts, rates and latency percentiles (ms). */
export interface PhaseResult {
  name: string;
  sent: number;
  acked: number;
  failed: number;
  /** Sends refused by the per-connection frame budget and retried (throughput phase). */
  rateLimited: number;
  fullyDelivered: number;
  deliveredFrames: number;
  /** First send to last ack. */
  ackSpanMs: number | null;
  /** First send to the moment the last message reached its last member. */
  deliverySpanMs: number | null;
  ackedPerSec: number | null;
  /** Messages per second that reached every member. */
  deliveredPerSec: number | null;
  /** message.new frames per second summed over members: the fan-out work. */
  framesPerSec: number | null;
  ack: LatencySummary;
  delivery: LatencySummary;
  sendLag: LatencySummary | null;
  /** CPU seconds spent during the phase: how close each side was to its core. */
  serverCpuSec: number | null;
  benchCpuSec: number;
  /**
   * CPU seconds the whole machine was busy (PostgreSQL and anything else running included).
   * Well above server + bench on SQLite means something else was competing for the cores.
   */
  machineCpuSec: number | null;
  /**
   * CPU seconds of everything but the server and the bench (PostgreSQL, and whatever else was
   * running): on SQLite anything well above 0 means the figures shared the machine.
   */
  othersCpuSec: number | null;
  /** Wall time of the phase, to read the CPU figures against (2 cores = 2 s per second). */
  wallSec: number;
}

export function phaseResult(
  p: PhaseRecorder,
  cpu: { server: number | null; bench: number; machine: number | null; wallSec: number },
  paced: boolean,
): PhaseResult {
  const span = (end: number | undefined) =>
    p.firstSendAt !== undefined && end !== undefined ? end - p.firstSendAt : null;
  const perSec = (count: number, ms: number | null) => (ms && ms > 0 ? round((count * 1000) / ms, 1) : null);
  const ackSpanMs = span(p.lastAckAt);
  const deliverySpanMs = span(p.lastFullDeliveryAt);
  return {
    name: p.name,
    sent: p.sent,
    acked: p.acked,
    failed: p.failed,
    rateLimited: p.rateLimited,
    fullyDelivered: p.fullyDelivered,
    deliveredFrames: p.deliveredFrames,
    ackSpanMs: round(ackSpanMs, 1),
    deliverySpanMs: round(deliverySpanMs, 1),
    ackedPerSec: perSec(p.acked, ackSpanMs),
    deliveredPerSec: perSec(p.fullyDelivered, deliverySpanMs),
    framesPerSec: perSec(p.deliveredFrames, deliverySpanMs),
    ack: summarize(p.ackLatencies),
    delivery: summarize(p.deliveryLatencies),
    sendLag: paced ? summarize(p.sendLags) : null,
    serverCpuSec: round(cpu.server, 2),
    benchCpuSec: round(cpu.bench, 2) ?? 0,
    machineCpuSec: round(cpu.machine, 2),
    othersCpuSec:
      cpu.machine === null ? null : round(Math.max(0, cpu.machine - (cpu.server ?? 0) - cpu.bench), 2),
    wallSec: round(cpu.wallSec, 2) ?? 0,
  };
}
