import { z } from "zod";
import { Id, Timestamp } from "./common";

/** Background job states: waiting or retrying, being run, finished, or given up on. */
export const JobStatus = z.enum(["pending", "running", "done", "parked"]);
export type JobStatus = z.infer<typeof JobStatus>;

/** A background job as a server administrator sees it (never its payload: it may be private). */
export const AdminJob = z.object({
  id: Id,
  kind: z.string(),
  status: JobStatus,
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  runAfter: Timestamp,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type AdminJob = z.infer<typeof AdminJob>;

/** How many jobs are in each state, and the parked ones (newest first, up to 200). */
export const AdminJobsResponse = z.object({
  counts: z.record(JobStatus, z.number().int().nonnegative()),
  parked: z.array(AdminJob),
});
export type AdminJobsResponse = z.infer<typeof AdminJobsResponse>;

export const JobParams = z.object({ jobId: Id });
