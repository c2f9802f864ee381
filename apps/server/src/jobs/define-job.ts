import type { Database } from "@parley/db";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { z } from "zod";
import type { Bus } from "../realtime/bus";
import type { PresenceService } from "../realtime/presence-service";

/** What a job handler may use: the same parts an action uses. */
export interface JobContext {
  db: Kysely<Database>;
  bus: Bus;
  log: Logger;
  /** Who is online now (an @here reaches only them). */
  presence: Pick<PresenceService, "snapshot">;
}

/**
 * A kind of background job: an id, a payload schema with its version, and an idempotent
 * handler (it may run more than once: after a crash, or when its lease ran out). Handlers call
 * actions; they do not hold logic of their own.
 */
export interface JobDefinition<P> {
  id: string;
  /** Bump when the payload's shape changes; a job written with another version is parked. */
  version: number;
  payload: z.ZodType<P>;
  /** Attempts before the job is parked for an administrator (default 8). */
  maxAttempts?: number;
  handle(ctx: JobContext, payload: P, job: { id: string; attempt: number }): Promise<void>;
}

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds definitions of every payload type.
export type AnyJobDefinition = JobDefinition<any>;
