import type { Migration } from "kysely";
import * as initial from "./2026-11-24T1500-initial";
import * as deliveryReceipts from "./2026-11-24T1700-delivery-receipts";
import * as conversations from "./2026-11-24T1800-conversations";
import * as messageLog from "./2026-11-24T1900-message-log";
import * as jobs from "./2026-11-24T2000-jobs";
import * as readState from "./2026-11-24T2100-read-state";
import * as presence from "./2026-11-24T2200-presence";
import * as profiles from "./2026-11-24T2300-profiles";
import * as readReceipts from "./2026-11-25T0000-read-receipts";
import * as search from "./2026-11-25T0100-search";
import * as attachments from "./2026-11-25T0200-attachments";
import * as messageEdits from "./2026-11-25T0300-message-edits";
import * as reactions from "./2026-11-25T0400-reactions";
import * as searchWatermark from "./2026-11-25T0450-search-watermark";
import * as replies from "./2026-11-25T0460-replies";
import * as identities from "./2026-11-25T0600-identities";
import * as push from "./2026-11-25T0700-push";
import * as emailSessions from "./2026-11-25T0800-email-sessions";
import * as threads from "./2026-11-25T0900-threads";
import * as roomAvatars from "./2026-11-25T1000-room-avatars";
import * as partialThreadIndex from "./2026-12-05T1900-partial-thread-index";

/**
 * Every migration, by name. Names are timestamps so they sort in the order they were written;
 * a migration is never edited once it has landed — add a new one.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-24T1500-initial": initial,
  "2026-11-24T1700-delivery-receipts": deliveryReceipts,
  "2026-11-24T1800-conversations": conversations,
  "2026-11-24T1900-message-log": messageLog,
  "2026-11-24T2000-jobs": jobs,
  "2026-11-24T2100-read-state": readState,
  "2026-11-24T2200-presence": presence,
  "2026-11-24T2300-profiles": profiles,
  "2026-11-25T0000-read-receipts": readReceipts,
  "2026-11-25T0100-search": search,
  "2026-11-25T0200-attachments": attachments,
  "2026-11-25T0300-message-edits": messageEdits,
  "2026-11-25T0400-reactions": reactions,
  "2026-11-25T0450-search-watermark": searchWatermark,
  "2026-11-25T0600-identities": identities,
  "2026-11-25T0460-replies": replies,
  "2026-11-25T0700-push": push,
  "2026-11-25T0800-email-sessions": emailSessions,
  "2026-11-25T0900-threads": threads,
  "2026-11-25T1000-room-avatars": roomAvatars,
  "2026-12-05T1900-partial-thread-index": partialThreadIndex,
};
