import type { Database } from "@parley/db";
import type { AdminJob, AdminJobsResponse, JobStatus } from "@parley/protocol";
import type { Kysely } from "kysely";
import { AppError } from "../errors";
import type { JobWorker } from "./job-worker";

/** For server administrators: the queue's state and the jobs that gave up (parked). */
export async function listJobs(db: Kysely<Database>): Promise<AdminJobsResponse> {
  const counts: Record<JobStatus, number> = { pending: 0, running: 0, done: 0, parked: 0 };
  const grouped = await db
    .selectFrom("jobs")
    .select(["status", (eb) => eb.fn.countAll<string | number>().as("n")])
    .groupBy("status")
    .execute();
  for (const row of grouped) counts[row.status] = Number(row.n);
  const parked = await db
    .selectFrom("jobs")
    .selectAll()
    .where("status", "=", "parked")
    .orderBy("updated_at", "desc")
    .limit(200)
    .execute();
  return {
    counts,
    parked: parked.map(
      (r): AdminJob => ({
        id: r.id,
        kind: r.kind,
        status: r.status,
        attempts: Number(r.attempts),
        lastError: r.last_error,
        runAfter: r.run_after,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      }),
    ),
  };
}

/** Puts a parked job back in the queue with a fresh set of attempts (after the cause is fixed). */
export async function retryJob(
  db: Kysely<Database>,
  worker: Pick<JobWorker, "wake">,
  jobId: string,
): Promise<void> {
  const now = new Date().toISOString();
  const result = await db
    .updateTable("jobs")
    .set({ status: "pending", attempts: 0, run_after: now, updated_at: now })
    .where("id", "=", jobId)
    .where("status", "=", "parked")
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError("NOT_FOUND", "No parked job with that id");
  worker.wake();
}
