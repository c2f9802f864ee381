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
  /**
   * Set-based kinds: jobs of this kind claimed in the same round run as one handler call on
   * their merged payloads, so a backlog (a flood of DMs, each send batch with its notification
   * job) costs one set of queries per round instead of one per job. The merged handler must
   * do exactly what the jobs would have done one by one.
   */
  merge?(payloads: P[]): P;
  handle(ctx: JobContext, payload: P, job: { id: string; attempt: number }): Promise<void>;
}

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds definitions of every payload type.
export type AnyJobDefinition = JobDefinition<any>;
