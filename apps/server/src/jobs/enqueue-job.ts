import type { Database } from "@parley/db";
import type { Kysely } from "kysely";
import { timeOrderedId } from "../db/time-ordered-id";
import type { JobDefinition } from "./define-job";

/**
 * Writes a job in the caller's transaction (the outbox): it exists if and only if the change
 * that caused it committed. With `key`, a second enqueue of the same kind and key is a no-op,
 * so an action that is itself retried does not queue its job twice. The payload is checked
 * against the definition's schema now: a bad payload is a bug to find at its source.
 */
export async function enqueueJob<P>(
  tx: Kysely<Database>,
  definition: JobDefinition<P>,
  payload: P,
  options: { key?: string; runAfter?: Date } = {},
): Promise<void> {
  const checked = definition.payload.parse(payload);
  const now = new Date().toISOString();
  await tx
    .insertInto("jobs")
    .values({
      id: timeOrderedId(),
      kind: definition.id,
      version: definition.version,
      payload: JSON.stringify(checked),
      status: "pending",
      run_after: (options.runAfter ?? new Date()).toISOString(),
      locked_until: null,
      last_error: null,
      dedupe_key: options.key ?? null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(["kind", "dedupe_key"]).doNothing())
    .execute();
}
