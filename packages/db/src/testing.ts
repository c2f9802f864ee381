import { randomBytes } from "node:crypto";
import { fdatasync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { DbOptions } from "./connect";

/** Where the test suites find PostgreSQL; the database must exist (trust auth locally). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestDatabase {
  options: DbOptions;
  /** Removes the temp file or drops the schema. */
  dispose(): Promise<void>;
}

/** A fresh SQLite file in a temp folder. */
export function tempSqlite(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), "parley-db-"));
  return {
    options: { kind: "sqlite", file: join(dir, "parley.sqlite") },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh, empty PostgreSQL schema, dropped on dispose. */
export async function tempPostgres(): Promise<TestDatabase> {
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  return {
    options: { kind: "postgres", url: TEST_DATABASE_URL, schema, poolSize: 5 },
    dispose: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      try {
        await c.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * Whether PostgreSQL tests should run. In CI a missing server is a failure (the suite runs
 * and fails to connect); locally the suite is skipped with a one-line reason.
 */
export async function postgresAvailability(): Promise<{ run: boolean; reason?: string }> {
  if (process.env.CI === "true") return { run: true };
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return { run: true };
  } catch (error) {
    return { run: false, reason: `PostgreSQL not reachable at ${TEST_DATABASE_URL}: ${String(error)}` };
  }
}

/**
 * A disk whose syncs can be held back or made to fail: `sync` is the real fdatasync (pass it
 * to sqliteDialect or a WalSyncer), but after `hold()` each call waits until `release()` or
 * `letGo()`, and after `fail()` each call fails with EIO. Lets a test keep a commit's sync in
 * flight and see what runs meanwhile, or see what a failing disk does.
 */
export function heldDisk() {
  const waiting: Array<() => void> = [];
  let holding = false;
  let broken = false;
  const sync = ((fd: number, done: (error: NodeJS.ErrnoException | null) => void) => {
    if (broken) {
      const error: NodeJS.ErrnoException = new Error("EIO: i/o error, fdatasync");
      error.code = "EIO";
      setImmediate(() => done(error));
    } else if (holding) waiting.push(() => fdatasync(fd, done));
    else fdatasync(fd, done);
  }) as typeof fdatasync;
  return {
    sync,
    /** Syncs from now on wait for release(). */
    hold: () => {
      holding = true;
    },
    /** Lets the waiting syncs run (later ones still wait while holding). */
    release: () => {
      for (const run of waiting.splice(0)) run();
    },
    /** Stops holding: the waiting syncs run, and later ones at once. */
    letGo: () => {
      holding = false;
      for (const run of waiting.splice(0)) run();
    },
    /** Syncs waiting now. */
    pending: () => waiting.length,
    /** Every sync from now on fails with EIO, as a failing disk's would. */
    fail: () => {
      broken = true;
    },
  };
}
