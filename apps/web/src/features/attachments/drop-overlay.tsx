import styles from "./attachments.module.css";

/** Shown while files are dragged over the page: dropped, they are attached to the next message. */
export function DropOverlay() {
  return (
    <div className={styles.dropOverlay} aria-hidden="true">
      <div className={styles.dropCard}>Drop files to attach them</div>
    </div>
  );
}
