export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 15_000;

/**
 * How long to wait before reconnect attempt number `attempt` (0-based): doubling from 0.5 s
 * to at most 15 s, with "equal jitter" (half fixed, half random) so that thousands of
 * clients dropped by one server restart do not all come back in the same instant.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
