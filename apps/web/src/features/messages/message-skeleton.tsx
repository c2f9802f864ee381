import styles from "./messages.module.css";

const WIDTHS = [
  ["30%", "70%"],
  ["22%", "45%"],
  ["35%", "80%"],
  ["25%", "55%"],
  ["28%", "65%"],
];

/** Placeholder rows while a room's first page loads. */
export function MessageSkeleton() {
  return (
    <div className={styles.state} aria-busy="true">
      <span className="visually-hidden">Loading messages…</span>
      <div aria-hidden="true">
        {WIDTHS.map(([name, line]) => (
          <div key={`${name}-${line}`} className={styles.skeletonRow}>
            <div className={`skeleton ${styles.skeletonAvatar}`} />
            <div className={styles.skeletonLines}>
              <div className="skeleton" style={{ width: name, height: 12 }} />
              <div className="skeleton" style={{ width: line, height: 12 }} />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
