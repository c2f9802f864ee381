import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema";
import { withStatementCache } from "./statement-cache";

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
 * Parley's SQLite connection: WAL lets readers proceed during a write. synchronous=FULL syncs
 * the WAL on every commit, so an acked message survives a power cut, not only a process crash;
 * group commit (one transaction per batch of sends, one per group of actions) keeps that
 * affordable. FKs are off by default in SQLite and must be switched on per connection.
 */
export function sqliteDialect(file: string): SqliteDialect {
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new SqliteDialect({ database: withStatementCache(sqlite) });
}
