import type { CpuFigures } from "../cpu-meter";
import { waitForQuiet } from "../proc-stats";
import type { RunContext } from "./run-context";

/** Other processes using more than this during a measurement make it worth repeating. */
export const CONTENDED_CORES = 0.3;
/** How long to wait for the machine to quiet down before a repeat. */
const QUIET_WAIT_MS = 10_000;
/**
 * All the waiting for quiet one run may do, repeats included: a neighbour running a test
 * suite for minutes must not push the bench past its five minutes.
 */
export const QUIET_BUDGET_MS = 30_000;
/** Repeats per measurement: a busy neighbour should not make the run much longer. */
const RETRIES = 1;

/**
 * Runs a measurement; if other processes took a real share of the machine meanwhile (a test
 * suite started in the background), waits for quiet and runs it again, once. The result says
 * whether the figure is still contended, and the notes then say so.
 * `contendable` is false where "others" is part of the system measured (PostgreSQL).
 */
export async function measureQuietly<T extends { cpu?: CpuFigures | undefined }>(
  ctx: RunContext,
  what: string,
  measure: (attempt: number) => Promise<T>,
  contendable = true,
): Promise<T> {
  // A smoke test checks the machinery, not the figures: it does not spend time on repeats.
  const retries = ctx.options.quick ? 0 : RETRIES;
  for (let attempt = 0; ; attempt++) {
    const result = await measure(attempt);
    const others = result.cpu?.othersCores ?? 0;
    if (!contendable || others <= CONTENDED_CORES || attempt >= retries || ctx.quiet.leftMs <= 0)
      return result;
    ctx.log(`  ${what}: other processes used ${others} cores meanwhile — waiting for quiet, then again`);
    const started = performance.now();
    await waitForQuiet(CONTENDED_CORES, Math.min(QUIET_WAIT_MS, ctx.quiet.leftMs), () => undefined);
    const waited = performance.now() - started;
    ctx.quiet.leftMs -= waited;
    ctx.quiet.waitedMs += waited;
  }
}
