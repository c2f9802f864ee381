import type { Cleanup } from "../cleanup";
import type { WorkerPool } from "../generator/pool";
import type { SocketSpec, Target } from "../generator/protocol";
import type { BenchOptions } from "../options";
import type { Tally } from "../tally";

/** What every suite gets from run.ts. */
export interface RunContext {
  options: BenchOptions;
  pool: WorkerPool;
  cleanup: Cleanup;
  tally: Tally;
  signal: AbortSignal;
  notes: string[];
  /** Waiting for a quiet machine before repeats (suites/quiet.ts): what is left, what was spent. */
  quiet: { leftMs: number; waitedMs: number };
  log(message: string): void;
}

/**
 * Gives each worker its share of the sockets (`workerOf` decides, round-robin by default)
 * and waits until all are open: authenticated and, in a room, synced.
 */
export async function openSockets(
  ctx: RunContext,
  target: Target,
  sockets: readonly SocketSpec[],
  options: {
    sharedRooms?: string[];
    workerOf?: (index: number) => number;
    keep?: boolean;
    concurrency?: number;
  } = {},
): Promise<number> {
  const size = ctx.pool.size;
  const workerOf = options.workerOf ?? ((i: number) => i % size);
  const shares: SocketSpec[][] = Array.from({ length: size }, () => []);
  sockets.forEach((spec, i) => {
    shares[workerOf(i) % size]?.push(spec);
  });
  const started = performance.now();
  await ctx.pool.all((i) => ({
    cmd: "open",
    target,
    sockets: shares[i] ?? [],
    concurrency: options.concurrency ?? 50,
    sharedRooms: options.sharedRooms ?? [],
    keep: options.keep ?? false,
  }));
  return Math.round(performance.now() - started);
}

/** Ends a phase: every stream checked up to its room's last seq, then the sockets closed. */
export async function finishSockets(
  ctx: RunContext,
  phase: string,
  lastSeqByRoom: Record<string, number> = {},
) {
  const reports = await ctx.pool.all(() => ({ cmd: "finish", lastSeqByRoom }) as const);
  ctx.tally.addFinish(phase, reports);
  await ctx.pool.all(() => ({ cmd: "close" }) as const);
}

export function throwIfAborted(ctx: RunContext): void {
  if (ctx.signal.aborted) throw ctx.signal.reason;
}
