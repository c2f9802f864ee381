import { pooledRandomBytes } from "../pooled-random-bytes";

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/**
 * A new row id for tables written on the hot path (messages, inbox entries, jobs): a UUIDv7
 * (RFC 9562) — 48 bits of milliseconds since the epoch, then 74 random bits. Random v4 ids
 * scatter each insert over the primary-key index, so a batch of 50 messages dirtied ~50 leaf
 * pages of it, each written whole to the WAL and later to the database file; ids that grow
 * with time land on the index's last page. They are still unguessable (74 random bits) and
 * valid UUIDs wherever the protocol takes an id; they reveal when the row was made, which
 * these rows carry in the open anyway (createdAt).
 */
export function timeOrderedId(now = Date.now()): string {
  const b = pooledRandomBytes(10);
  const ms = now.toString(16).padStart(12, "0");
  return (
    `${ms.slice(0, 8)}-${ms.slice(8, 12)}-` +
    // version 7, then 12 random bits
    `7${HEX[b[0] as number]?.slice(1)}${HEX[b[1] as number]}-` +
    // variant 10, then 14 random bits
    `${HEX[((b[2] as number) & 0x3f) | 0x80]}${HEX[b[3] as number]}-` +
    `${HEX[b[4] as number]}${HEX[b[5] as number]}${HEX[b[6] as number]}` +
    `${HEX[b[7] as number]}${HEX[b[8] as number]}${HEX[b[9] as number]}`
  );
}
