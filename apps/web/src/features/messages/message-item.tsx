import { memo } from "react";
import { Avatar } from "../ui/avatar";
import { AlertIcon } from "../ui/icons";
import { DeliveryStatus } from "./delivery-status";
import { formatClock, formatFullDate } from "./format-time";
import type { ListItem } from "./list-items";
import styles from "./messages.module.css";

interface Props {
  item: ListItem;
  startsGroup: boolean;
  onRetry: (clientId: string) => void;
  onDelete: (clientId: string) => void;
}

/** One message. Bodies are plain text: React escapes them, line breaks are kept by CSS. */
export const MessageItem = memo(function MessageItem({ item, startsGroup, onRetry, onDelete }: Props) {
  const { pending, status } = item;
  const failed = status === "failed";
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
        {status !== null && status !== "failed" && <DeliveryStatus status={status} />}
        {pending && failed && (
          <div className={styles.failure} data-status="failed">
            <AlertIcon />
            <span>Failed to send: {pending.error}</span>
            <span className={styles.actions}>
              <button type="button" className="btn btn-small" onClick={() => onRetry(pending.clientId)}>
                Retry
              </button>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => onDelete(pending.clientId)}
              >
                Delete
              </button>
            </span>
          </div>
        )}
      </div>
    </article>
  );
});
