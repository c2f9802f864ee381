import { createHash } from "node:crypto";
import { join } from "node:path";
import type { MediaNamespace } from "./media-store";

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** sha256 of the bytes, lower-case hex: a blob's name. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function isContentHash(value: string): boolean {
  return SHA256_HEX.test(value);
}

/**
 * Where a blob lives under the store's root: `<namespace>/ab/cd/<hash>`. Two levels of
 * 256-way sharding keep every folder small (a million blobs is ~15 per folder). Only a
 * well-formed hash is accepted, so no caller can reach outside the root (`../`).
 */
export function blobPath(root: string, namespace: MediaNamespace, hash: string): string {
  if (!isContentHash(hash)) throw new Error(`not a content hash: ${JSON.stringify(hash)}`);
  return join(root, namespace, hash.slice(0, 2), hash.slice(2, 4), hash);
}

/** The public file name of a stored webp image (`<hash>.webp`), as used in its URL. */
export function webpFileName(hash: string): string {
  return `${hash}.webp`;
}

/** The hash named by a requested file name, or null when the name is not `<hash>.webp`. */
export function hashOfWebpFileName(file: string): string | null {
  const match = /^([0-9a-f]{64})\.webp$/.exec(file);
  return match?.[1] ?? null;
}
