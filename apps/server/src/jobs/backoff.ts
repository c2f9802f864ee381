/** First retry after about this long; each further one waits twice as long. */
const BASE_MS = 2_000;
/** No retry waits longer than this. */
const CAP_MS = 10 * 60_000;

/**
 * Delay before retrying a job that failed `attempt` times (1 = first failure): exponential,
 * capped, with ±20 % jitter so jobs that failed together (a dependency was down) do not all
 * come back in the same instant.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}
