/**
 * SQLite compiles every distinct SQL text into a statement of its own, and a batch's IN list
 * or multi-row INSERT of every length from 1 to 500 is a distinct text each time: the
 * statement cache (packages/db) churns and the hot path prepares statements over and over
 * (~4 % of the server's time in the ping-pong bench). These helpers keep each statement to a
 * few shapes: lengths that are powers of two.
 */

/** The smallest power of two that is at least n (n ≥ 1). */
function ceilPowerOfTwo(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, n)));
}

/**
 * An IN list padded to a power of two by repeating its last item: a repeated value changes
 * nothing in `x IN (…)`. An empty list stays empty (the caller must not query then).
 */
export function paddedIn<T>(list: readonly T[]): T[] {
  if (list.length === 0) return [];
  const padded = [...list];
  const last = list[list.length - 1] as T;
  while (padded.length < ceilPowerOfTwo(list.length)) padded.push(last);
  return padded;
}

/**
 * Rows for multi-row INSERTs, split into chunks whose sizes are powers of two (largest first,
 * at most `max`): 300 rows go as 256 + 32 + 8 + 4. Rows cannot repeat, so they are split
 * rather than padded.
 */
export function powerOfTwoChunks<T>(rows: readonly T[], max: number): T[][] {
  const chunks: T[][] = [];
  let at = 0;
  while (at < rows.length) {
    const left = rows.length - at;
    const size = Math.min(2 ** Math.floor(Math.log2(left)), 2 ** Math.floor(Math.log2(max)));
    chunks.push(rows.slice(at, at + size));
    at += size;
  }
  return chunks;
}
