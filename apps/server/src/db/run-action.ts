import type { Database } from "@parley/db";
import type { Kysely, Transaction } from "kysely";
import type { AppContext } from "../context";
import type { JobDefinition } from "../jobs/define-job";
import { enqueueJob } from "../jobs/enqueue-job";
import { type BusEvent, JOBS_TOPIC } from "../realtime/bus";
import { isPostgres } from "./dialect";
import { type GroupOptions, groupCommitterFor } from "./group-commit";

export interface ActionTx {
  tx: Transaction<Database>;
  /** Queue a live event; it is published only if and after the transaction commits. */
  publish(topic: string, event: BusEvent): void;
  /** Queue a background job in this transaction (the outbox); workers are woken after commit. */
  enqueue<P>(
    definition: JobDefinition<P>,
    payload: P,
    options?: { key?: string; runAfter?: Date },
  ): Promise<void>;
}

/**
 * Runs an action's writes in one transaction and publishes its events after commit, so no
 * client ever sees an event for a change that was rolled back (Zulip's send-after-commit).
 * On SQLite the transaction may be shared with other actions (group commit): this action's
 * writes are still all or nothing, and it still settles only once they are durable.
 * `options`: see GroupOptions (SQLite only; on PostgreSQL `onCommitted` is never called and
 * the caller waits for the result).
 */
export async function runAction<T>(
  ctx: Pick<AppContext, "db" | "bus">,
  work: (a: ActionTx) => Promise<T>,
  options: GroupOptions = {},
): Promise<T> {
  const queued: Array<[string, BusEvent]> = [];
  let jobs = 0;
  /** The earliest time a job enqueued here becomes due (now, unless all are for later). */
  let dueAt = Number.POSITIVE_INFINITY;
  const db = ctx.db as Kysely<Database>;
  // On SQLite, actions that arrive together share one commit (group-commit.ts).
  const transact = <R>(body: (tx: Transaction<Database>) => Promise<R>) =>
    isPostgres(db) ? db.transaction().execute(body) : groupCommitterFor(db).run(body, options);
  const result = await transact((tx) =>
    work({
      tx,
      publish: (topic, event) => queued.push([topic, event]),
      enqueue: async (definition, payload, options) => {
        await enqueueJob(tx, definition, payload, options);
        jobs += 1;
        dueAt = Math.min(dueAt, options?.runAfter?.getTime() ?? Date.now());
      },
    }),
  );
  for (const [topic, event] of queued) ctx.bus.publish(topic, event);
  if (jobs > 0) ctx.bus.publish(JOBS_TOPIC, { type: "jobs.queued", dueAt: new Date(dueAt).toISOString() });
  return result;
}
