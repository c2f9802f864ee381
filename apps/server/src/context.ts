import type { Database, DbKind } from "@parley/db";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Config } from "./config";
import type { SendPipeline } from "./domains/messages/send-pipeline";
import type { RateLimiter } from "./http/rate-limiter";
import type { Bus } from "./realtime/bus";

/** Everything an action needs, built once by buildApp and passed down explicitly. */
export interface AppContext {
  config: Config;
  db: Kysely<Database>;
  dbKind: DbKind;
  bus: Bus;
  log: Logger;
  rateLimiter: RateLimiter;
  /** Every message send goes through here (checked, batched, stored, published). */
  sends: SendPipeline;
}
