import type SQLite from "better-sqlite3";
import type { SqliteHandle } from "./durable-sqlite-driver";

/**
 * Kysely's SQLite driver prepares every statement anew; compiling SQL is a large share of a
 * query's cost on the hot path (send, history). This keeps the most recent prepared
 * statements by SQL text and hands the same one back. Safe because better-sqlite3 runs each
 * statement to completion synchronously; we never stream results (a streaming iterator
 * would hold its statement busy).
 */
export function withStatementCache(database: SQLite.Database, size = 256): SqliteHandle {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    get inTransaction() {
      return database.inTransaction;
    },
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        // Move to the back: the map's insertion order is the eviction order.
        cache.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (cache.size >= size) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
