import type { Readable } from "node:stream";

/**
 * Where uploaded media live, content-addressed: a blob's name is the sha256 of its bytes, so
 * the same bytes are stored once, a name never changes meaning (URLs can be cached forever),
 * and a name cannot be guessed without the bytes. Blobs are grouped by namespace ("avatars",
 * "attachments") so each kind is served under its own rules. The local-disk store is the
 * embedded default; an S3-compatible one will implement the same interface.
 */
export interface MediaStore {
  /**
   * Stores the bytes (no-op when they are already there) and returns their sha256 (hex). It
   * resolves only once the blob is durable, so a database row may then refer to it.
   */
  put(namespace: MediaNamespace, bytes: Uint8Array): Promise<string>;
  /**
   * The blob as a stream with its (whole) size, or null when there is none by that hash.
   * With `range`, the stream holds only bytes `start`..`end` (inclusive; for HTTP ranges).
   */
  open(
    namespace: MediaNamespace,
    hash: string,
    range?: { start: number; end: number },
  ): Promise<{ body: Readable; size: number } | null>;
  /** Deletes the blob; no error when it is already gone. */
  remove(namespace: MediaNamespace, hash: string): Promise<void>;
  /**
   * Streams an upload to a temporary file while hashing and counting it, without holding it
   * in memory; throws MediaTooLargeError (and keeps nothing) as soon as it passes `maxBytes`.
   * The staged file is then either stored (`putStaged`) or thrown away (`discard`).
   */
  stage(body: Readable, maxBytes: number): Promise<StagedUpload>;
  /** Stores a staged upload under its hash (moving it: the staged file is consumed). */
  putStaged(namespace: MediaNamespace, staged: StagedUpload): Promise<string>;
  /** Deletes a staged upload that will not be stored; no error when it is already gone. */
  discard(staged: StagedUpload): Promise<void>;
}

/** An upload received in full, not yet stored. */
export interface StagedUpload {
  /** A local file holding the bytes (readable by decoders such as sharp). */
  path: string;
  size: number;
  sha256: string;
  /** The first bytes (up to 64), for sniffing the type. */
  head: Buffer;
}

/** The upload was longer than allowed; nothing of it was kept. */
export class MediaTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`upload over ${maxBytes} bytes`);
    this.name = "MediaTooLargeError";
  }
}

/** The kinds of media, each a separate folder (bucket prefix) with its own read rule. */
export type MediaNamespace = "avatars" | "attachments";
