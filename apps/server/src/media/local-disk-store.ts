import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { blobPath, contentHash, isContentHash } from "./media-paths";
import { type MediaStore, MediaTooLargeError, type StagedUpload } from "./media-store";

/** Bytes of an upload kept aside for sniffing its type. */
const HEAD_BYTES = 64;

/** Temp files older than this at start-up were left by a crash mid-write. */
const STALE_TEMP_MS = 60 * 60_000;

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/**
 * The media store on the local disk under `root` (DATA_DIR/media). A blob is written to a
 * temp file, flushed to disk, then renamed into place: rename is atomic, so a crash leaves
 * either the whole blob or none of it under its name — never a half file that a database row
 * already points at. The temp folder is inside the root so the rename never crosses a
 * file-system boundary (which would make it a copy).
 */
export function createLocalDiskStore(root: string): MediaStore {
  const tempDir = join(root, ".tmp");
  void removeStaleTempFiles(tempDir).catch(() => {
    // Best effort: a leftover temp file wastes space but is never read.
  });
  return {
    async put(namespace, bytes) {
      const hash = contentHash(bytes);
      const path = blobPath(root, namespace, hash);
      if (await exists(path)) return hash;
      await mkdir(dirname(path), { recursive: true });
      await mkdir(tempDir, { recursive: true });
      const temp = join(tempDir, `${hash}.${randomUUID()}`);
      try {
        const file = await open(temp, "wx");
        try {
          await file.writeFile(bytes);
          await file.sync();
        } finally {
          await file.close();
        }
        // Two uploads of the same bytes may race here: both renames put identical content.
        await rename(temp, path);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      await syncDirectory(dirname(path));
      return hash;
    },

    async open(namespace, hash, range) {
      // Open first, then stat the handle: a concurrent remove cannot slip in between.
      let file: Awaited<ReturnType<typeof open>>;
      try {
        file = await open(blobPath(root, namespace, hash), "r");
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      const { size } = await file.stat();
      return { body: file.createReadStream(range ? { start: range.start, end: range.end } : {}), size };
    },

    async remove(namespace, hash) {
      try {
        await unlink(blobPath(root, namespace, hash));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },

    async stage(body, maxBytes) {
      await mkdir(tempDir, { recursive: true });
      const path = join(tempDir, `upload.${randomUUID()}`);
      const hash = createHash("sha256");
      const head: Buffer[] = [];
      let size = 0;
      let headSize = 0;
      // Counts as it goes: an over-long upload is cut off at the limit, not read to its end.
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          if (size > maxBytes) return done(new MediaTooLargeError(maxBytes));
          hash.update(chunk);
          if (headSize < HEAD_BYTES) {
            head.push(chunk.subarray(0, HEAD_BYTES - headSize));
            headSize += Math.min(chunk.length, HEAD_BYTES - headSize);
          }
          done(null, chunk);
        },
      });
      try {
        await pipeline(body, meter, createWriteStream(path, { flags: "wx" }));
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
      return { path, size, sha256: hash.digest("hex"), head: Buffer.concat(head) };
    },

    async putStaged(namespace, staged) {
      const target = blobPath(root, namespace, staged.sha256);
      assertStaged(tempDir, staged);
      if (await exists(target)) {
        await rm(staged.path, { force: true });
        return staged.sha256;
      }
      await mkdir(dirname(target), { recursive: true });
      const file = await open(staged.path, "r");
      try {
        await file.sync();
      } finally {
        await file.close();
      }
      // Same folder tree as the blobs, so this is an atomic rename, never a copy.
      await rename(staged.path, target);
      await syncDirectory(dirname(target));
      return staged.sha256;
    },

    async discard(staged) {
      assertStaged(tempDir, staged);
      await rm(staged.path, { force: true });
    },
  };
}

/** Only a file this store staged may be moved or deleted through it (and its hash must be one). */
function assertStaged(tempDir: string, staged: StagedUpload): void {
  if (dirname(staged.path) !== tempDir || !isContentHash(staged.sha256)) {
    throw new Error(`not a staged upload: ${JSON.stringify(staged.path)}`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

/** Makes the rename itself durable (the new directory entry), not only the file's bytes. */
async function syncDirectory(path: string): Promise<void> {
  const dir = await open(path, "r");
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

async function removeStaleTempFiles(tempDir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(tempDir);
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  // Only old ones: another process sharing this folder may be writing a fresh one right now.
  const cutoff = Date.now() - STALE_TEMP_MS;
  for (const name of names) {
    const path = join(tempDir, name);
    const info = await stat(path).catch(() => null);
    if (info && info.mtimeMs < cutoff) await rm(path, { force: true });
  }
}
