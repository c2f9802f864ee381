import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import webpush from "web-push";
import { z } from "zod";

export interface VapidKeys {
  /** Uncompressed P-256 public key, base64url: the browser's `applicationServerKey`. */
  publicKey: string;
  privateKey: string;
}

const VapidFile = z.object({ publicKey: z.string().min(80), privateKey: z.string().min(40) });

/** Where the server's VAPID key pair lives: in the data folder, beside the database. */
export const vapidFile = (dataDir: string) => join(dataDir, "push-vapid.json");

/**
 * The server's VAPID keys, generated on first start and kept in the data folder. They must not
 * change: every subscription a browser made is bound to the public key it was made with, so new
 * keys would silently orphan every device. The private key signs the push services' JWTs: the
 * file is written owner-readable only, and atomically (temp file, rename), so a crash mid-write
 * never leaves half a key that the next start would replace.
 */
export function loadOrCreateVapidKeys(dataDir: string): VapidKeys {
  const file = vapidFile(dataDir);
  try {
    return VapidFile.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      // A damaged key file is a problem to look at, not to paper over with new keys.
      throw new Error(`Cannot read the VAPID keys in ${file}: ${(error as Error).message}`);
    }
  }
  mkdirSync(dataDir, { recursive: true });
  const keys = webpush.generateVAPIDKeys();
  const temp = `${file}.${randomUUID()}.tmp`;
  writeFileSync(temp, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
  return keys;
}
