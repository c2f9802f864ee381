import type { Database } from "@parley/db";
import { type Kysely, PostgresAdapter } from "kysely";

/**
 * Which database a handle (or transaction) talks to, for the few places written differently per
 * database: the search index (FTS5 on SQLite, tsvector and pg_trgm on PostgreSQL), row locks
 * (PostgreSQL only) and group commit (SQLite only). Jobs and the bench have only a Kysely handle.
 */
export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
