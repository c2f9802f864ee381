import styles from "./composer.module.css";

/** In place of the composer when I cannot post here (archived room, muted). */
export function ComposerNotice({ children }: { children: string }) {
  return (
    <div className={styles.composer}>
      <p className={styles.notice} role="status">
        {children}
      </p>
    </div>
  );
}
