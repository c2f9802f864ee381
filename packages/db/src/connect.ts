import { type fdatasync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { DurableSqliteDialect } from "./durable-sqlite-driver";
import type { Database } from "./schema";
import { withStatementCache } from "./statement-cache";
import { startWalCheckpointer } from "./wal-checkpointer";
import { WalSyncer } from "./wal-syncer";

export type DbKind = "sqlite" | "postgres";

export interface DbHandle {
  db: Kysely<Database>;
  kind: DbKind;
  /** The PostgreSQL schema everything lives in, when not the default. */
  schema?: string;
  close(): Promise<void>;
}

export type DbOptions =
  | { kind: "sqlite"; file: string }
  | { kind: "postgres"; url: string; schema?: string; poolSize?: number };

/**
 * Opens the database named by the options. SQLite is the embedded default; PostgreSQL is
 * chosen by configuration alone (DATABASE_URL) and runs the same queries and migrations.
 */
export function connectDb(options: DbOptions): DbHandle {
  if (options.kind === "sqlite") {
    if (options.file !== ":memory:") mkdirSync(dirname(options.file), { recursive: true });
    const db = new Kysely<Database>({ dialect: sqliteDialect(options.file) });
    return { db, kind: "sqlite", close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    // A per-connection search_path gives each test its own schema on a shared database.
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: "postgres", schema: options.schema, close: () => db.destroy() };
}

/**
 * Parley's SQLite connection. WAL lets readers proceed during a write. Commits are made
 * durable by `WalSyncer` (an fdatasync of the WAL on libuv's thread pool, which every caller
 * of a commit waits for: see durable-sqlite-driver.ts) rather than by `synchronous=FULL`, whose
 * fsync inside each commit held the event loop for 1–2 ms; hence `synchronous=NORMAL`, under
 * which SQLite itself syncs only around checkpoints. Checkpoints run on a worker thread
 * (wal-checkpointer.ts); the writer's own automatic checkpoint is kept, at ~40 MB of WAL, only
 * as a safety net. FKs are off by default in SQLite and must be switched on per connection.
 */
export function sqliteDialect(file: string, options: { sync?: typeof fdatasync } = {}): SqliteDialect {
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  if (file === ":memory:") return new SqliteDialect({ database: withStatementCache(sqlite) });
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("wal_autocheckpoint = 10000");
  // A WAL that grew during a burst is cut back to this after the checkpoint that empties it.
  sqlite.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  const syncer = new WalSyncer(`${file}-wal`, options.sync);
  syncer.openIfPresent();
  return new DurableSqliteDialect(withStatementCache(sqlite), syncer, startWalCheckpointer(file));
}
