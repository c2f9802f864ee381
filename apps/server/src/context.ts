import type { Database, DbKind } from "@parley/db";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Config } from "./config";
import type { SendPipeline } from "./domains/messages/send-pipeline";
import type { ReceiptRecorder } from "./domains/receipts/record-receipt";
import type { RateLimiter } from "./http/rate-limiter";
import type { JobWorker } from "./jobs/job-worker";
import type { MediaStore } from "./media/media-store";
import type { Bus } from "./realtime/bus";
import type { PresenceService } from "./realtime/presence-service";

/** Everything an action needs, built once by buildApp and passed down explicitly. */
export interface AppContext {
  config: Config;
  db: Kysely<Database>;
  dbKind: DbKind;
  bus: Bus;
  log: Logger;
  /**
   * Every rate limit's buckets: failed sign-ins, and posting, joining and inviting per user and
   * per IP (limits/action-limits.ts). In memory on one node; a shared (Redis) implementation of
   * the same interface makes the limits hold across nodes.
   */
  rateLimiter: RateLimiter;
  /** Every message send goes through here (checked, batched, stored, published). */
  sends: SendPipeline;
  /** Delivery receipts from every socket, written in bursts (one commit for many). */
  receipts: ReceiptRecorder;
  /** Runs the background jobs (notifications now; push, indexing later) of every node's outbox. */
  jobs: JobWorker;
  /** Who is online, away or offline (typing needs nothing here: it is only published). */
  presence: PresenceService;
  /** Uploaded files (attachments), content-addressed, on the local disk under DATA_DIR/media. */
  media: MediaStore;
}
