import type { DbKind, JobsTable } from "@parley/db";
import type { Selectable } from "kysely";
import { runAction } from "../db/run-action";
import { JOBS_TOPIC } from "../realtime/bus";
import { retryDelayMs } from "./backoff";
import type { AnyJobDefinition, JobContext } from "./define-job";

export interface JobWorkerOptions {
  /** How often to look for due jobs when nothing woke the worker. */
  pollMs: number;
  /** How long a claimed job is ours; a worker that dies loses it to another after this. */
  leaseMs: number;
  /** Jobs claimed, and run concurrently, per round. */
  batchSize: number;
  /** Done jobs are kept this long (an enqueue with the same key stays a no-op), then deleted. */
  keepDoneMs: number;
  now?: () => Date;
  random?: () => number;
}

/** See wakeAt. */
const WAKE_MARGIN_MS = 25;

export const DEFAULT_JOB_OPTIONS: JobWorkerOptions = {
  pollMs: 1_000,
  leaseMs: 60_000,
  batchSize: 16,
  keepDoneMs: 7 * 24 * 3_600_000,
};

type JobRow = Selectable<JobsTable>;
const DEFAULT_MAX_ATTEMPTS = 8;
/** Prune done jobs about this often. */
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Claims due jobs, runs their handlers, and records the outcome: done; failed, to be retried
 * with backoff; or parked after too many failures, where an administrator sees it. Delivery is
 * at least once: a job whose worker died mid-run (kill -9) is claimed again when its lease
 * runs out, after a restart or by another node. On PostgreSQL the claim skips rows other
 * workers hold (`FOR UPDATE SKIP LOCKED`), so several nodes share the queue without waiting on
 * each other; on SQLite the claim is one write under the single-writer lock.
 */
export class JobWorker {
  private readonly definitions: Map<string, AnyJobDefinition>;
  private readonly options: JobWorkerOptions & { now: () => Date; random: () => number };
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> | null = null;
  private again = false;
  /** Wake-ups for jobs enqueued to run shortly (see wakeAt). */
  private readonly soon = new Set<NodeJS.Timeout>();
  private stopped = true;
  private lastPrune = 0;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly ctx: JobContext & { dbKind: DbKind },
    definitions: readonly AnyJobDefinition[],
    options: Partial<JobWorkerOptions> = {},
  ) {
    this.definitions = new Map(definitions.map((d) => [d.id, d]));
    this.options = { now: () => new Date(), random: Math.random, ...DEFAULT_JOB_OPTIONS, ...options };
  }

  /** Starts polling, and listens for committed enqueues (on this node or, with Redis, any). */
  start(): void {
    this.stopped = false;
    this.unsubscribe ??= this.ctx.bus.subscribe(JOBS_TOPIC, (event) => {
      const dueAt = event.type === "jobs.queued" && event.dueAt ? Date.parse(event.dueAt) : 0;
      const wait = dueAt - this.options.now().getTime();
      if (wait > 0) this.wakeAt(wait);
      else this.wake();
    });
    this.wake();
  }

  /** Looks for due jobs now (called when a job was enqueued). */
  wake(): void {
    if (this.stopped) return;
    if (this.round) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.round = this.runRounds().finally(() => {
      this.round = null;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        this.wake();
      } else {
        this.timer = setTimeout(() => this.wake(), this.options.pollMs);
        this.timer.unref();
      }
    });
  }

  /**
   * Looks again in `ms` (a job was enqueued for a little later, e.g. a search window's): sooner
   * than the next poll would, later than a wake now, which would find nothing due.
   */
  private wakeAt(ms: number): void {
    if (this.stopped || ms >= this.options.pollMs) return;
    // A little after: timers run on a monotonic clock and may fire a millisecond before the
    // wall-clock time the job's run_after is compared with.
    const timer = setTimeout(() => {
      this.soon.delete(timer);
      this.wake();
    }, ms + WAKE_MARGIN_MS);
    timer.unref();
    this.soon.add(timer);
  }

  /** Stops claiming; resolves when the jobs being run have finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const timer of this.soon) clearTimeout(timer);
    this.soon.clear();
    await this.round;
  }

  /** Runs rounds until no job is due (tests call it instead of waiting for the timer). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      // The background rounds (the worker woke on the same enqueue) hold jobs this one cannot
      // claim: they count as due too, so wait for them before deciding all is done.
      if (this.round) {
        await this.round;
        continue;
      }
      const ran = await this.runOnce();
      total += ran;
      if (ran === 0 && !this.round) return total;
    }
  }

  /** One round: claim up to a batch of due jobs and run them. Returns how many ran. */
  async runOnce(): Promise<number> {
    const jobs = await this.claim();
    const runs: Array<Promise<void>> = [];
    const mergeable = new Map<AnyJobDefinition, Array<{ job: JobRow; payload: unknown }>>();
    for (const job of jobs) {
      const checked = this.check(job);
      if ("parked" in checked) runs.push(checked.parked);
      else if (checked.definition.merge) {
        const list = mergeable.get(checked.definition) ?? [];
        list.push({ job, payload: checked.payload });
        mergeable.set(checked.definition, list);
      } else runs.push(this.run(checked.definition, [{ job, payload: checked.payload }]));
    }
    for (const [definition, list] of mergeable) runs.push(this.run(definition, list));
    await Promise.all(runs);
    await this.pruneNow();
    return jobs.length;
  }

  private async runRounds(): Promise<void> {
    try {
      // A full batch suggests more are due: go on at once rather than after the poll interval.
      while (!this.stopped && (await this.runOnce()) === this.options.batchSize) {}
    } catch (error) {
      // The database is unavailable: try again at the next poll.
      this.ctx.log.error({ err: error }, "job round failed");
    }
  }

  private async claim(): Promise<JobRow[]> {
    const now = this.options.now();
    const nowIso = now.toISOString();
    const lease = new Date(now.getTime() + this.options.leaseMs).toISOString();
    let due = this.ctx.db
      .selectFrom("jobs")
      .select("id")
      .where((eb) =>
        eb.or([
          eb.and([eb("status", "=", "pending"), eb("run_after", "<=", nowIso)]),
          eb.and([eb("status", "=", "running"), eb("locked_until", "<", nowIso)]),
        ]),
      )
      .orderBy("run_after")
      .limit(this.options.batchSize);
    if (this.ctx.dbKind === "postgres") due = due.forUpdate().skipLocked();
    return this.ctx.db
      .updateTable("jobs")
      .set((eb) => ({
        status: "running",
        locked_until: lease,
        attempts: eb("attempts", "+", 1),
        updated_at: nowIso,
      }))
      .where("id", "in", due)
      .returningAll()
      .execute();
  }

  /** A claimed job's handler and payload, or its parking when this server cannot run it. */
  private check(job: JobRow): { definition: AnyJobDefinition; payload: unknown } | { parked: Promise<void> } {
    const definition = this.definitions.get(job.kind);
    if (!definition)
      return { parked: this.park(job, `No handler for job kind "${job.kind}" on this server`) };
    if (Number(job.version) !== definition.version) {
      return {
        parked: this.park(
          job,
          `Written with version ${job.version}; this server handles ${definition.version}`,
        ),
      };
    }
    try {
      return { definition, payload: definition.payload.parse(JSON.parse(job.payload)) };
    } catch (error) {
      return { parked: this.park(job, `Invalid payload: ${describe(error)}`) };
    }
  }

  /**
   * Runs one job, or several of a mergeable kind as one handler call. Each job then has the
   * outcome of that call: done together, or each retried (or parked) on its own count.
   */
  private async run(
    definition: AnyJobDefinition,
    jobs: ReadonlyArray<{ job: JobRow; payload: unknown }>,
  ): Promise<void> {
    const first = jobs[0];
    if (!first) return;
    const payload =
      jobs.length > 1 && definition.merge ? definition.merge(jobs.map((j) => j.payload)) : first.payload;
    try {
      await definition.handle(this.ctx, payload, { id: first.job.id, attempt: Number(first.job.attempts) });
    } catch (error) {
      await Promise.all(jobs.map(({ job }) => this.failed(definition, job, error)));
      return;
    }
    await Promise.all(jobs.map(({ job }) => this.settle(job, { status: "done", last_error: null })));
  }

  private async failed(definition: AnyJobDefinition, job: JobRow, error: unknown): Promise<void> {
    const attempt = Number(job.attempts);
    const max = definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (attempt >= max) return this.park(job, describe(error));
    this.ctx.log.warn({ err: error, job: job.id, kind: job.kind, attempt }, "job failed; will retry");
    const runAfter = new Date(this.options.now().getTime() + retryDelayMs(attempt, this.options.random));
    await this.settle(job, {
      status: "pending",
      run_after: runAfter.toISOString(),
      last_error: describe(error),
    });
  }

  private async park(job: JobRow, reason: string): Promise<void> {
    this.ctx.log.error({ job: job.id, kind: job.kind, attempts: job.attempts, reason }, "job parked");
    await this.settle(job, { status: "parked", last_error: reason });
  }

  /**
   * Records the outcome — only if the job is still ours: if our lease ran out and another
   * worker claimed it (attempts moved on), that worker's outcome is the one that counts.
   */
  private async settle(
    job: JobRow,
    outcome: { status: JobRow["status"]; run_after?: string; last_error: string | null },
  ): Promise<void> {
    // An action, so on SQLite the outcomes of a round's jobs (which finish together) share one
    // commit instead of one fsync each.
    await runAction(this.ctx, ({ tx }) =>
      tx
        .updateTable("jobs")
        .set({ ...outcome, locked_until: null, updated_at: this.options.now().toISOString() })
        .where("id", "=", job.id)
        .where("status", "=", "running")
        .where("attempts", "=", job.attempts)
        .execute(),
    );
  }

  private async pruneNow(): Promise<void> {
    const now = this.options.now().getTime();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await this.ctx.db
      .deleteFrom("jobs")
      .where("status", "=", "done")
      .where("updated_at", "<", new Date(now - this.options.keepDoneMs).toISOString())
      .execute();
  }
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 1000);
}
