// The SQLite connection's own thread (see sqlite-thread-driver.ts). Plain JavaScript because a
// worker thread starts outside the TypeScript loader that runs the rest of the server (tsx in
// production, Vite under Vitest).
//
// better-sqlite3 is synchronous: every statement, and the fsync of every commit, holds the thread
// that runs it. Here that is this thread, not the event loop that serves the sockets.
import { parentPort, workerData } from "node:worker_threads";
import SQLite from "better-sqlite3";

/** Prepared statements kept, most recently used last (compiling SQL is a large share of a query). */
const CACHE_SIZE = 256;

/** @type {{ file: string }} */
const { file } = workerData;
/** @type {import("better-sqlite3").Database} */
let db;
try {
  db = new SQLite(file);
  // WAL lets readers proceed during a write. synchronous=FULL syncs the WAL on every commit, so an
  // acked message survives a power cut, not only a process crash; group commit (one transaction
  // per batch of sends) keeps that affordable. FKs are off by default in SQLite and must be
  // switched on per connection.
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
} catch (error) {
  parentPort?.postMessage({ id: 0, error: describe(error) });
  process.exit(1);
}
parentPort?.postMessage({ id: 0, ready: true });

/** @type {Map<string, import("better-sqlite3").Statement>} */
const cache = new Map();

/** @param {string} sql */
function prepare(sql) {
  let statement = cache.get(sql);
  if (statement) {
    // Move to the back: the map's insertion order is the eviction order.
    cache.delete(sql);
  } else {
    statement = db.prepare(sql);
    if (cache.size >= CACHE_SIZE) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  }
  cache.set(sql, statement);
  return statement;
}

/** @param {unknown} error */
function describe(error) {
  const e = /** @type {{ message?: unknown, code?: unknown, name?: unknown }} */ (error ?? {});
  return {
    message: String(e.message ?? error),
    code: typeof e.code === "string" ? e.code : undefined,
    name: typeof e.name === "string" ? e.name : "Error",
  };
}

parentPort?.on(
  "message",
  (/** @type {{ id: number, sql?: string, params?: unknown[], close?: true }} */ m) => {
    if (m.close) {
      db.close();
      parentPort?.postMessage({ id: m.id, rows: [] });
      parentPort?.close();
      return;
    }
    try {
      const statement = prepare(/** @type {string} */ (m.sql));
      if (statement.reader) {
        parentPort?.postMessage({ id: m.id, rows: statement.all(m.params ?? []) });
      } else {
        const { changes, lastInsertRowid } = statement.run(m.params ?? []);
        parentPort?.postMessage({ id: m.id, changes, lastInsertRowid });
      }
    } catch (error) {
      parentPort?.postMessage({ id: m.id, error: describe(error) });
    }
  },
);
