import { startCpuMeter } from "../cpu-meter";
import type { SocketSpec, Target } from "../generator/protocol";
import { Histogram } from "../histogram";
import type { PersistedResult, PingPongResult, System } from "../report/bench-result";
import { round } from "../stats";
import { measureQuietly } from "./quiet";
import { openSockets, type RunContext, throwIfAborted } from "./run-context";

const DRAIN_MS = 8_000;

/**
 * Opens the pair rooms' sockets (specs in pairs: 2k and 2k+1 share a room). Both members of a
 * pair go to the same worker, so a ping-pong turn never crosses processes and the worker can
 * check each pair room's streams completely on its own.
 */
export function openPairs(ctx: RunContext, target: Target, sockets: readonly SocketSpec[]): Promise<number> {
  return openSockets(ctx, target, sockets, { workerOf: (i) => Math.floor(i / 2) });
}

/** 1:1 ping-pong in every pair room at once, one message in flight per pair. */
export async function runPingPong(
  ctx: RunContext,
  system: System,
  serverPid: number,
): Promise<PingPongResult> {
  throwIfAborted(ctx);
  const ms = ctx.options.profile.pingPongMs;
  const meter = startCpuMeter(serverPid, ctx.pool.pids);
  const reports = await ctx.pool.all(() => ({
    cmd: "ping-pong" as const,
    durationMs: ms,
    drainMs: DRAIN_MS,
  }));
  const cpu = meter();
  const roundTrips = reports.reduce((a, r) => a + r.roundTrips, 0);
  const seconds = ms / 1000;
  const result: PingPongResult = {
    system,
    pairs: ctx.options.profile.pairs,
    roundTripsPerSec: Math.round(roundTrips / seconds),
    messagesPerSec: Math.round((2 * roundTrips) / seconds),
    rtt: Histogram.from(reports.map((r) => r.rtt)).summary(),
    cpu,
    complete: reports.every((r) => r.complete),
  };
  ctx.log(
    `  ${system} ping-pong: ${result.roundTripsPerSec.toLocaleString("en")} round trips/s, ` +
      `rtt p50 ${result.rtt.p50} p99 ${result.rtt.p99} ms, server ${cpu.serverCores} / generator ${cpu.generatorCores} cores`,
  );
  return result;
}

/** Persisted sends: every pair socket keeps `window` sends un-acked; acks per second. */
export function runPersisted(
  ctx: RunContext,
  db: "sqlite" | "postgres",
  serverPid: number,
  sockets: number,
): Promise<PersistedResult> {
  throwIfAborted(ctx);
  // On PostgreSQL the database's own CPU is "others": there it is part of what is measured.
  return measureQuietly(
    ctx,
    `persisted sends (${db})`,
    () => persistedOnce(ctx, db, serverPid, sockets),
    db === "sqlite",
  );
}

async function persistedOnce(
  ctx: RunContext,
  db: "sqlite" | "postgres",
  serverPid: number,
  sockets: number,
): Promise<PersistedResult> {
  const { window } = ctx.options;
  const ms = ctx.options.profile.persistedMs;
  const meter = startCpuMeter(serverPid, ctx.pool.pids);
  const reports = await ctx.pool.all(() => ({
    cmd: "throughput" as const,
    durationMs: ms,
    window,
    drainMs: DRAIN_MS,
  }));
  const cpu = meter();
  const acked = reports.reduce((a, r) => a + r.acked, 0);
  const result: PersistedResult = {
    db,
    sockets,
    window,
    ackedPerSec: round(acked / (ms / 1000), 0) ?? 0,
    ack: Histogram.from(reports.map((r) => r.ack)).summary(),
    cpu,
    complete: reports.every((r) => r.complete),
  };
  ctx.log(
    `  persisted sends (${db}): ${result.ackedPerSec?.toLocaleString("en")} acked/s, ack p50 ${result.ack?.p50} p99 ${result.ack?.p99} ms, ` +
      `server ${cpu.serverCores} / generator ${cpu.generatorCores} / machine ${cpu.machineCores} cores`,
  );
  return result;
}
