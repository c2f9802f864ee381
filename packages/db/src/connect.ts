import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema";
import { SqliteThreadDialect } from "./sqlite-thread-driver";

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
    // The connection runs on its own thread (pragmas and why: sqlite-thread.mjs).
    const db = new Kysely<Database>({ dialect: new SqliteThreadDialect(options.file) });
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
