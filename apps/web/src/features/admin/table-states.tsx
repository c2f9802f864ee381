import { describeError } from "../api/api-error";
import styles from "./admin.module.css";

/** Placeholder rows while a table loads. */
export function TableSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true">
      <span className="visually-hidden">{label}</span>
      <div className={`skeleton ${styles.skeletonRow}`} />
      <div className={`skeleton ${styles.skeletonRow}`} />
      <div className={`skeleton ${styles.skeletonRow}`} />
    </div>
  );
}

/** A table that could not load: why, and a retry. */
export function LoadFailed({ what, error, onRetry }: { what: string; error: unknown; onRetry: () => void }) {
  return (
    <div className="empty-state">
      <p role="alert">
        Could not load {what}. {describeError(error)}
      </p>
      <button type="button" className="btn" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
