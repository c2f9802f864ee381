"use client";

import { useRealtime } from "../realtime/realtime-context";
import { useRemovals } from "../realtime/use-removals";
import { CloseIcon } from "../ui/icons";
import styles from "./moderation.module.css";
import { removalText } from "./moderation-text";

/** Removals from rooms that were not open at the time, until dismissed. */
export function RemovalToasts() {
  const realtime = useRealtime();
  const unseen = useRemovals().filter((r) => !r.seen);
  return (
    <div className={styles.toasts} role="status">
      {unseen.map((removal) => (
        <div key={removal.roomId} className={styles.toast}>
          <span>{removalText(removal.reason, removal.roomName)}</span>
          <button
            type="button"
            className={`btn btn-ghost btn-small ${styles.toastClose}`}
            aria-label="Dismiss"
            onClick={() => realtime.removals.markSeen(removal.roomId)}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
