import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** How often the worker copies the WAL's committed frames into the database file. */
const CHECKPOINT_EVERY_MS = 200;

/**
 * The worker's code, plain CommonJS (a worker started with `eval` needs no loader, whether the
 * server runs from TypeScript through tsx or from JavaScript). Its own connection runs PASSIVE
 * checkpoints, which never wait for nor block the server's writer; with the default
 * `synchronous=FULL` on this connection, each checkpoint syncs the WAL before copying and the
 * database file after.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driverPath);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("synchronous = FULL");
const checkpoint = () => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage({ stopped: true });
  parentPort.close();
});
`;

export interface WalCheckpointer {
  /** Runs a last checkpoint and ends the worker. */
  stop(): Promise<void>;
}

/**
 * Checkpoints the WAL from a worker thread, so the copying and its two fsyncs never hold the
 * event loop (SQLite's automatic checkpoint runs inside the commit that crosses its threshold,
 * on the writer's thread: a stall of 5–15 ms every few megabytes under load). The writer's
 * own automatic checkpoint stays on at a high threshold (see connect.ts), as a safety net if
 * this worker ever falls behind. Errors are reported, never thrown: a missed checkpoint only
 * lets the WAL grow until the next one.
 */
export function startWalCheckpointer(
  file: string,
  onError: (message: string) => void = (message) => console.error(`[parley/db] checkpoint: ${message}`),
): WalCheckpointer {
  const driverPath = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driverPath, everyMs: CHECKPOINT_EVERY_MS },
  });
  // A checkpointer alone must not keep the process alive.
  worker.unref();
  let stopped: Promise<void> | null = null;
  let exited = false;
  worker.once("exit", () => {
    exited = true;
  });
  worker.on("message", (message: { error?: string }) => {
    if (message.error) onError(message.error);
  });
  worker.on("error", (error) => onError(String(error)));
  return {
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        if (exited) return resolve();
        worker.once("exit", () => resolve());
        // Unreferenced, the worker would not keep the process alive while it finishes: a
        // program whose last work is closing the database would exit mid-close, before the
        // final checkpoint and the final sync of the WAL.
        worker.ref();
        worker.postMessage("stop");
        // If the worker is wedged, do not hold shutdown hostage.
        setTimeout(() => void worker.terminate(), 5_000).unref();
      });
      return stopped;
    },
  };
}
