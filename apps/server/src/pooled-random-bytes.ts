import { randomBytes } from "node:crypto";

/** Bytes drawn from the CSPRNG at a time. */
const POOL_BYTES = 8_192;
let pool = Buffer.alloc(0);
let used = 0;

/**
 * `n` bytes from the CSPRNG, drawn in blocks of 8 KiB and handed out once each (as Node's own
 * randomUUID does): the same randomness, without a getrandom system call per id or nonce
 * (~60 µs each on our reference VM). The result is a view of the pool: read it at once, and
 * never hand it out.
 */
export function pooledRandomBytes(n: number): Buffer {
  if (used + n > pool.length) {
    pool = randomBytes(Math.max(POOL_BYTES, n));
    used = 0;
  }
  const bytes = pool.subarray(used, used + n);
  used += n;
  return bytes;
}
