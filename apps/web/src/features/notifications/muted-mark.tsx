import type { NotifyLevel } from "@parley/protocol";
import { BellOffIcon } from "./notification-icons";
import styles from "./notifications.module.css";

/** The muted bell at the end of a sidebar row (nothing unless the room is muted). */
export function MutedMark({ level }: { level: NotifyLevel | null }) {
  if (level !== "mute") return null;
  return (
    <span className={styles.mutedMark} title="Muted">
      <BellOffIcon size={14} />
      <span className="visually-hidden"> (muted)</span>
    </span>
  );
}
