import type { Database } from "@parley/db";
import type { Kysely, Transaction } from "kysely";
import type { AppContext } from "../context";
import type { BusEvent } from "../realtime/bus";

export interface ActionTx {
  tx: Transaction<Database>;
  /** Queue a live event; it is published only if and after the transaction commits. */
  publish(topic: string, event: BusEvent): void;
}

/**
 * Runs an action's writes in one transaction and publishes its events after commit, so no
 * client ever sees an event for a change that was rolled back (Zulip's send-after-commit).
 */
export async function runAction<T>(
  ctx: Pick<AppContext, "db" | "bus">,
  work: (a: ActionTx) => Promise<T>,
): Promise<T> {
  const queued: Array<[string, BusEvent]> = [];
  const result = await (ctx.db as Kysely<Database>)
    .transaction()
    .execute((tx) => work({ tx, publish: (topic, event) => queued.push([topic, event]) }));
  for (const [topic, event] of queued) ctx.bus.publish(topic, event);
  return result;
}
