"use client";

import type { AdminJob, JobStatus } from "@parley/protocol";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { describeError } from "../api/api-error";
import styles from "./admin.module.css";
import { adminJobsQuery, adminKeys, retryJob } from "./admin-api";
import { formatDateTime, formatDay } from "./format-date";
import { LoadFailed, TableSkeleton } from "./table-states";

/** The states worth a glance (finished jobs are pruned after a while: their count says little). */
const SHOWN: Array<{ status: JobStatus; label: string }> = [
  { status: "pending", label: "waiting" },
  { status: "running", label: "running" },
  { status: "parked", label: "gave up" },
];

/**
 * The background work (notifications, push, email, indexing, media): how many jobs wait, run
 * and finished, and the ones that kept failing and were parked — each with its last error and
 * a Retry once the cause is fixed. Never a job's payload: it may hold private content.
 */
export function JobsSection() {
  const jobs = useQuery(adminJobsQuery);
  const titleId = useId();
  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <div className={styles.sectionHead}>
        <h2 className={styles.sectionTitle} id={titleId}>
          Background jobs
        </h2>
        {jobs.data && (
          <ul className={styles.jobCounts} aria-label="Jobs by state">
            {SHOWN.map(({ status, label }) => (
              <li
                key={status}
                className={styles.jobCount}
                // Red only when some job actually gave up.
                data-alert={status === "parked" && (jobs.data.counts[status] ?? 0) > 0 ? "true" : undefined}
              >
                <span className={styles.jobCountValue}>
                  {(jobs.data.counts[status] ?? 0).toLocaleString()}
                </span>{" "}
                {label}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className={styles.tableWrap}>
        {jobs.isPending ? (
          <TableSkeleton label="Loading jobs…" />
        ) : jobs.isError ? (
          <LoadFailed what="the jobs" error={jobs.error} onRetry={() => void jobs.refetch()} />
        ) : jobs.data.parked.length === 0 ? (
          <p className={styles.noMatch}>
            No job has given up. One that keeps failing after its retries shows here, with its error.
          </p>
        ) : (
          <ParkedJobs jobs={jobs.data.parked} />
        )}
      </div>
    </section>
  );
}

function ParkedJobs({ jobs }: { jobs: AdminJob[] }) {
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: retryJob,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: adminKeys.jobs }),
  });
  return (
    <>
      {retry.isError && (
        <p role="alert" className={styles.tableError}>
          Could not retry the job. {describeError(retry.error)}
        </p>
      )}
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Last error</th>
            <th scope="col" className={styles.numeric}>
              Attempts
            </th>
            <th scope="col">Gave up</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id}>
              <td>
                <code className={styles.jobKind}>{job.kind}</code>
              </td>
              <td className={styles.jobError} data-label="Last error">
                {job.lastError ?? "—"}
              </td>
              <td className={`${styles.numeric} ${styles.muted}`} data-label="Attempts">
                {job.attempts}
              </td>
              <td className={styles.muted} data-label="Gave up" title={formatDateTime(job.updatedAt)}>
                {formatDay(job.updatedAt)}
              </td>
              <td className={styles.actions}>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={retry.isPending && retry.variables === job.id}
                  onClick={() => retry.mutate(job.id)}
                >
                  {retry.isPending && retry.variables === job.id ? "Retrying…" : "Retry"}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
