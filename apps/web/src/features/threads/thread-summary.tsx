import type { ThreadSummary } from "@parley/protocol";
import { formatFullDate } from "../messages/format-time";
import { Avatar } from "../ui/avatar";
import { relativeReplyTime, replyCountText } from "./thread-text";
import styles from "./threads.module.css";

/**
 * Under a root message: the faces of the last repliers, "3 replies" and when the last one came.
 * Live: the summary is updated in the room's cache as replies arrive (see mergeMessages).
 */
export function ThreadSummaryRow({ summary, onOpen }: { summary: ThreadSummary; onOpen: () => void }) {
  const names = summary.repliers.map((u) => u.displayName).join(", ");
  return (
    <button
      type="button"
      className={styles.summary}
      onClick={onOpen}
      aria-label={`${replyCountText(summary.replyCount)} from ${names}, open the thread`}
    >
      <span className={styles.faces} aria-hidden="true">
        {summary.repliers.map((u) => (
          <Avatar key={u.id} userId={u.id} name={u.displayName} size={22} />
        ))}
      </span>
      <span className={styles.replyCount}>{replyCountText(summary.replyCount)}</span>
      <time
        className={styles.lastReply}
        dateTime={summary.lastReplyAt}
        title={formatFullDate(summary.lastReplyAt)}
      >
        Last reply {relativeReplyTime(summary.lastReplyAt)}
      </time>
      <span className={styles.viewThread} aria-hidden="true">
        View thread
      </span>
    </button>
  );
}
