import type { Database } from "@parley/db";
import { type Kysely, PostgresAdapter } from "kysely";

/**
 * Which database a handle (or transaction) talks to. The search index is the one part of
 * Parley that is written differently per database (FTS5 on SQLite, tsvector and pg_trgm on
 * PostgreSQL), and jobs and the bench reach it with only a Kysely handle.
 */
export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
