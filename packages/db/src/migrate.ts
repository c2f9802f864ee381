import { Migrator, sql } from "kysely";
import type { DbHandle } from "./connect";
import { migrations } from "./migrations/index";

/** Brings the schema up to date. Throws (with the failing migration's name) on error. */
export async function migrateToLatest(handle: DbHandle): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema it can see; with several schemas
  // on one PostgreSQL database (tests, or a search_path in DATABASE_URL) it must be told
  // which one is ours: the one our unqualified tables are created in.
  const schema =
    handle.kind === "postgres"
      ? (handle.schema ??
        (await sql<{ s: string }>`select current_schema() as s`.execute(handle.db)).rows[0]?.s)
      : undefined;
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  let { error, results } = await migrator.migrateToLatest();
  // Before migrating, Kysely lists the tables of every schema on the database; a schema
  // dropped by someone else during that scan (another test suite's, another tenant's) fails
  // it with "schema … does not exist". Nothing was changed yet: look again.
  for (let attempt = 1; error && attempt <= 3 && changedUnderScan(error, schema, results); attempt++) {
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`Migration ${failed} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/**
 * Whether Kysely's scan of every schema's tables failed because another schema changed under
 * it, before any migration of ours ran (so trying again is safe): a schema dropped meanwhile,
 * or a table that another suite is creating as the scan reads the catalog — PostgreSQL then
 * reports undefined_column (42703) or undefined_table (42P01) from inside the catalog query,
 * e.g. `column "timestamp" of relation "kysely_migration" does not exist` (seen in CI).
 */
export function changedUnderScan(
  error: unknown,
  ours: string | undefined,
  results: ReadonlyArray<{ status: string }> | undefined,
): boolean {
  if (droppedMeanwhile(error, ours)) return true;
  const ranAny = (results ?? []).some((r) => r.status === "Success" || r.status === "Error");
  const code = (error as { code?: unknown })?.code;
  return !ranAny && (code === "42703" || code === "42P01");
}

/** PostgreSQL's invalid_schema_name (3F000) about a schema that is not ours. */
export function droppedMeanwhile(error: unknown, ours: string | undefined): boolean {
  const e = error as { code?: unknown; message?: unknown };
  if (e?.code !== "3F000" || typeof e.message !== "string") return false;
  return ours === undefined || !e.message.includes(`"${ours}"`);
}
