import type { Migration } from "kysely";
import * as initial from "./2026-11-24T1500-initial";
import * as deliveryReceipts from "./2026-11-24T1700-delivery-receipts";
import * as conversations from "./2026-11-24T1800-conversations";

/**
 * Every migration, by name. Names are timestamps so they sort in the order they were written;
 * a migration is never edited once it has landed — add a new one.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-24T1500-initial": initial,
  "2026-11-24T1700-delivery-receipts": deliveryReceipts,
  "2026-11-24T1800-conversations": conversations,
};
