import { type RawBuilder, sql } from "kysely";

/**
 * `CASE id WHEN … THEN … END`: a per-row integer for an UPDATE that gives many rows their own
 * value in one statement (a batch's room counters, the search watermarks). The cast keeps
 * PostgreSQL from typing the parameters as text.
 */
export function integerById(values: Iterable<readonly [string, number]>): RawBuilder<number> {
  return sql<number>`case ${sql.ref("id")} ${sql.join(
    [...values].map(([id, value]) => sql`when ${id} then cast(${value} as integer)`),
    sql` `,
  )} end`;
}
