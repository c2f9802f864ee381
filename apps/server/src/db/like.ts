import { type Expression, type RawBuilder, sql } from "kysely";

/** Makes `%`, `_` and the escape character itself match literally in a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `lower(column) LIKE lower(pattern) ESCAPE '\'`: case-insensitive and with an explicit escape
 * character, so it behaves the same on SQLite (which has no default escape) and PostgreSQL.
 * Build `pattern` from escapeLike(user text) plus your own wildcards.
 */
export function likeInsensitive(column: Expression<string>, pattern: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${column}) like lower(${pattern}) escape '\\'`;
}
