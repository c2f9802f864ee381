import type { Kysely } from "kysely";

// Durable background jobs (the outbox): a row is written in the same transaction as the change
// that causes it, and workers on any node claim, run and retry it. Done jobs are kept for a
// while so an enqueue with the same key stays a no-op (idempotent enqueue), then pruned.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("jobs")
    .addColumn("id", "text", (c) => c.primaryKey())
    // The job definition's id, e.g. "notify.mentions", and its payload schema version.
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    // JSON text, checked by the definition's zod schema when enqueued and when run.
    .addColumn("payload", "text", (c) => c.notNull())
    // pending | running | done | parked (failed too often: waits for an administrator).
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("run_after", "text", (c) => c.notNull())
    // A running job whose lease ran out (its worker died) is claimed again.
    .addColumn("locked_until", "text")
    .addColumn("last_error", "text")
    // Optional: at most one job per (kind, key); NULL keys never conflict.
    .addColumn("dedupe_key", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("jobs_due_idx").on("jobs").columns(["status", "run_after"]).execute();
  await db.schema.createIndex("jobs_dedupe_uq").on("jobs").columns(["kind", "dedupe_key"]).unique().execute();
}
