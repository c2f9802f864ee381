/**
 * Milliseconds on the machine's monotonic clock (CLOCK_MONOTONIC, through hrtime), which is the
 * same in every process on the box. A sender stamps a message with it and a receiver in
 * another generator process subtracts, so latencies can be measured across processes.
 * `performance.now()` cannot be used for that: its origin is each process's own start.
 */
export function monoMs(): number {
  const [s, ns] = process.hrtime();
  return s * 1e3 + ns / 1e6;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
