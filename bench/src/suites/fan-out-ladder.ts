import { monoMs, sleep } from "../clock";
import { startCpuMeter } from "../cpu-meter";
import type { SocketSpec, StepReport, Target } from "../generator/protocol";
import { Histogram } from "../histogram";
import { held, highestHeld, messageRate } from "../ladder";
import type { LadderResult, StepResult, System } from "../report/bench-result";
import { round } from "../stats";
import { measureQuietly } from "./quiet";
import { finishSockets, openSockets, type RunContext, throwIfAborted } from "./run-context";

/** Lead time before a step's first send, so every worker has its schedule before it starts. */
const START_LEAD_MS = 50;
/** After the last send, how long stragglers may take before the step counts as incomplete. */
const DRAIN_MS = 8_000;
/** Pause between steps: the previous step's garbage and buffers settle. */
const BREATHER_MS = 300;

/**
 * Room fan-out at rising rates: all `members` sockets in one room, messages posted on a fixed
 * schedule by the members in turn, each step a higher rate, until one does not hold (p99 over
 * 100 ms, messages left undelivered, or the rate not really carried) or the time budget runs
 * out. Each step is drained before the next, so a step's backlog never pollutes the next.
 */
export async function runFanOutLadder(
  ctx: RunContext,
  args: { system: System; target: Target; serverPid: number; room: string; members: SocketSpec[] },
): Promise<LadderResult> {
  const { profile } = ctx.options;
  const size = args.members.length;
  ctx.log(`${args.system} fan-out, room of ${size}: opening sockets`);
  const openMs = await openSockets(ctx, args.target, args.members, { sharedRooms: [args.room] });
  // Time spent waiting for a quiet machine does not count against the ladder.
  const deadline = monoMs() + profile.ladderBudgetMs - ctx.quiet.waitedMs;
  const steps: StepResult[] = [];
  let stoppedBy: LadderResult["stoppedBy"] = "all rates held";
  let sent = 0;
  let attempts = 0;
  for (const [index, offered] of profile.deliveryRates.entries()) {
    throwIfAborted(ctx);
    const rate = messageRate(offered, size);
    const count = Math.max(1, Math.round((rate * profile.stepMs) / 1000));
    const { step, reports } = await measureQuietly(ctx, `${offered}/s`, async () => {
      // A fresh tag per attempt: a repeat must not count the previous attempt's stragglers.
      attempts += 1;
      const meter = startCpuMeter(args.serverPid, ctx.pool.pids);
      const startAt = monoMs() + START_LEAD_MS;
      const reports = await ctx.pool.all((i) => ({
        cmd: "fanout-step" as const,
        step: attempts,
        startAt,
        rate,
        count,
        workerIndex: i,
        workers: ctx.pool.size,
        drainMs: DRAIN_MS,
      }));
      sent += reports.reduce((a, r) => a + r.sent, 0);
      const step = stepResult(reports, rate, size, meter());
      return { step, reports, cpu: step.cpu };
    });
    steps.push(step);
    ctx.log(
      `  ${offered.toLocaleString("en")} deliveries/s (${rate} msg/s): carried ${step.deliveredPerSec.toLocaleString("en")}/s, ` +
        `p50 ${step.latency.p50} p99 ${step.latency.p99} ms, server ${step.cpu.serverCores} / generator ${step.cpu.generatorCores} cores` +
        `${step.held ? "" : " — did not hold"}`,
    );
    if (reports.some((r) => r.errors > 0)) {
      stoppedBy = "errors";
      break;
    }
    if (!step.held) {
      stoppedBy = "p99 or backlog";
      break;
    }
    if (monoMs() > deadline + ctx.quiet.waitedMs && index < profile.deliveryRates.length - 1) {
      stoppedBy = "time budget";
      break;
    }
    await sleep(BREATHER_MS);
  }
  await finishSockets(ctx, `${args.system} fan-out ${size}`, { [args.room]: sent });
  return { system: args.system, members: size, steps, highestHeld: highestHeld(steps), stoppedBy, openMs };
}

function stepResult(
  reports: readonly StepReport[],
  rate: number,
  members: number,
  cpu: StepResult["cpu"],
): StepResult {
  const messages = reports.reduce((a, r) => a + r.sent, 0);
  const deliveries = reports.reduce((a, r) => a + r.deliveries, 0);
  const first = Math.min(...reports.map((r) => r.firstSendAt ?? Number.POSITIVE_INFINITY));
  const last = Math.max(...reports.map((r) => r.lastDeliveryAt ?? Number.NEGATIVE_INFINITY));
  const spanSec = (last - first) / 1000;
  const latency = Histogram.from(reports.map((r) => r.latency)).summary();
  const ack = Histogram.from(reports.map((r) => r.ack));
  const outcome = {
    offeredPerSec: rate * members,
    messagesPerSec: rate,
    messages,
    deliveries,
    deliveredPerSec: spanSec > 0 ? Math.round(deliveries / spanSec) : 0,
    latency,
    ack: ack.count > 0 ? ack.summary() : null,
    sendLag: Histogram.from(reports.map((r) => r.sendLag)).summary(),
    cpu,
    complete: reports.every((r) => r.complete),
  };
  return { ...outcome, held: held(outcome) };
}

/** Parley's highest held rate over the baseline's, for the same room size; null if either is missing. */
export function ratioToBaseline(parley: LadderResult | undefined, baseline: LadderResult | undefined) {
  const p = parley?.highestHeld?.offeredPerSec;
  const b = baseline?.highestHeld?.offeredPerSec;
  return p && b ? round(p / b, 2) : null;
}
