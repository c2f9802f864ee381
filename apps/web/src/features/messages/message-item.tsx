import { memo } from "react";
import { Avatar } from "../ui/avatar";
import { formatClock, formatFullDate } from "./format-time";
import type { ListItem } from "./list-items";
import styles from "./messages.module.css";

interface Props {
  item: ListItem;
  startsGroup: boolean;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

/** One message. Bodies are plain text: React escapes them, line breaks are kept by CSS. */
export const MessageItem = memo(function MessageItem({ item, startsGroup, onRetry, onDiscard }: Props) {
  const { pending } = item;
  const failed = pending?.status === "failed";
  const time = (
    <time dateTime={item.createdAt} title={formatFullDate(item.createdAt)}>
      {formatClock(item.createdAt)}
    </time>
  );
  const classes = [
    styles.message,
    startsGroup ? styles.groupStart : "",
    pending && !failed ? styles.pending : "",
    failed ? styles.failed : "",
  ];
  return (
    <article
      className={classes.join(" ")}
      data-key={item.key}
      aria-busy={pending && !failed ? true : undefined}
    >
      <div className={styles.gutter}>
        {startsGroup ? (
          <Avatar userId={item.authorId} name={item.authorName} />
        ) : (
          <span className={styles.hoverTime}>{time}</span>
        )}
      </div>
      <div className={styles.content}>
        {startsGroup ? (
          <div className={styles.meta}>
            <span className={styles.author}>{item.authorName}</span>
            <span className={styles.time}>{time}</span>
          </div>
        ) : (
          <span className="visually-hidden">{item.authorName}</span>
        )}
        <p className={styles.body}>{item.body}</p>
        {pending && !failed && <span className={styles.sending}>Sending…</span>}
        {pending && failed && (
          <div className={styles.failure}>
            <span>Not sent: {pending.error}</span>
            <button type="button" className="btn btn-small" onClick={() => onRetry(pending.clientId)}>
              Retry
            </button>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={() => onDiscard(pending.clientId)}
            >
              Discard
            </button>
          </div>
        )}
      </div>
    </article>
  );
});
