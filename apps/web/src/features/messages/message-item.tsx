import type { Message } from "@parley/protocol";
import { memo } from "react";
import { AttachmentList } from "../attachments/attachment-list";
import { MessageBody, mentionsMe } from "../mentions/message-body";
import { ProfileName } from "../profile/profile-name";
import { ProfileTrigger } from "../profile/profile-trigger";
import { AddReactionButton, ReactionBar } from "../reactions/reactions";
import { ThreadSummaryRow } from "../threads/thread-summary";
import { ActionMenu } from "../ui/action-menu";
import { Avatar } from "../ui/avatar";
import { AlertIcon, ThreadIcon } from "../ui/icons";
import { DeliveryStatus } from "./delivery-status";
import { EditMessageForm } from "./edit-message-form";
import { formatClock, formatFullDate } from "./format-time";
import type { ListItem } from "./list-items";
import styles from "./messages.module.css";
import { ReplyQuote } from "./reply-quote";

interface Props {
  item: ListItem;
  startsGroup: boolean;
  onRetry: (clientId: string) => void;
  onDelete: (clientId: string) => void;
  /** Offer "Delete" on this stored message (the rules allow it). */
  canDelete: boolean;
  onRequestDelete: (message: Message) => void;
  /** My display name: mentions of me are highlighted. */
  myName: string;
  /** Offer "Edit" (my own message, and I may write here) and "Edit history" (a moderator). */
  canEdit?: boolean;
  canSeeHistory?: boolean;
  /** This message is open for editing in place. */
  editing?: boolean;
  onStartEdit?: (message: Message) => void;
  onEndEdit?: () => void;
  onShowHistory?: (message: Message) => void;
  /** I may react here (a member who may write); `myId` marks my own reactions. */
  canReact?: boolean;
  myId?: string;
  /** "Reply" on this message; a reply's quote jumps to the original's seq. */
  onReply?: (message: Message) => void;
  onJumpTo?: (seq: number) => void;
  /** Open this message's thread ("Reply in thread", and its summary under it); absent in a thread. */
  onOpenThread?: (message: Message) => void;
}

const DELETED_TEXT = {
  author: "This message was deleted.",
  moderator: "This message was removed by a moderator.",
} as const;

/** One message. Bodies are plain text: React escapes them, line breaks are kept by CSS. */
export const MessageItem = memo(function MessageItem({
  item,
  startsGroup,
  onRetry,
  onDelete,
  canDelete,
  onRequestDelete,
  myName,
  canEdit = false,
  canSeeHistory = false,
  editing = false,
  onStartEdit,
  onEndEdit,
  onShowHistory,
  canReact = false,
  myId = "",
  onReply,
  onJumpTo,
  onOpenThread,
}: Props) {
  const replyTo = item.message?.replyTo ?? item.pending?.replyTo ?? null;
  const { pending, status, message } = item;
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
    !item.deleted && mentionsMe(item.body, myName) ? styles.mentioned : "",
  ];
  return (
    <article
      className={classes.join(" ")}
      data-key={item.key}
      aria-busy={pending && !failed ? true : undefined}
    >
      <div className={styles.gutter}>
        {startsGroup ? (
          <ProfileTrigger userId={item.authorId} name={item.authorName} decorative>
            <Avatar userId={item.authorId} name={item.authorName} />
          </ProfileTrigger>
        ) : (
          <span className={styles.hoverTime}>{time}</span>
        )}
      </div>
      <div className={styles.content}>
        {startsGroup ? (
          <div className={styles.meta}>
            <ProfileTrigger userId={item.authorId} name={item.authorName} className={styles.author}>
              <ProfileName userId={item.authorId} name={item.authorName} />
            </ProfileTrigger>
            <span className={styles.time}>{time}</span>
          </div>
        ) : (
          <span className="visually-hidden">{item.authorName}</span>
        )}
        {replyTo && !item.deleted && <ReplyQuote reply={replyTo} onJump={onJumpTo} />}
        {item.deleted ? (
          <p className={styles.deletedBody} data-deleted={item.deleted}>
            {DELETED_TEXT[item.deleted]}
          </p>
        ) : editing && message ? (
          <EditMessageForm message={message} onDone={() => onEndEdit?.()} />
        ) : (
          <MessageBody className={styles.body} body={item.body} myName={myName} />
        )}
        {message?.editedAt && !item.deleted && !editing && (
          <span className={styles.edited} title={`Edited ${formatFullDate(message.editedAt)}`}>
            (edited)
          </span>
        )}
        {!item.deleted && (
          <AttachmentList
            attachments={message?.attachments ?? pending?.attachments ?? []}
            pending={message === null}
          />
        )}
        {message && !item.deleted && <ReactionBar message={message} myId={myId} canReact={canReact} />}
        {/* A deleted root keeps its thread: the summary stays, as in Slack. */}
        {message?.thread && onOpenThread && (
          <ThreadSummaryRow summary={message.thread} onOpen={() => onOpenThread(message)} />
        )}
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
      {(canDelete || canEdit || canSeeHistory || canReact) && message && !item.deleted && !editing && (
        <div className={styles.tools}>
          {canReact && <AddReactionButton message={message} myId={myId} />}
          {canReact && onReply && (
            <button
              type="button"
              className={`btn btn-ghost btn-icon ${styles.toolButton}`}
              aria-label="Reply"
              title="Reply"
              onClick={() => onReply(message)}
            >
              <ReplyIcon />
            </button>
          )}
          {canReact && onOpenThread && (
            <button
              type="button"
              className={`btn btn-ghost btn-icon ${styles.toolButton}`}
              aria-label="Reply in thread"
              title="Reply in thread"
              onClick={() => onOpenThread(message)}
            >
              <ThreadIcon />
            </button>
          )}
          {(canDelete || canEdit || canSeeHistory) && (
            <ActionMenu
              label={`Actions for ${item.authorName}'s message`}
              items={[
                ...(canEdit ? [{ label: "Edit message", onSelect: () => onStartEdit?.(message) }] : []),
                ...(canSeeHistory
                  ? [{ label: "Edit history", onSelect: () => onShowHistory?.(message) }]
                  : []),
                ...(canDelete
                  ? [{ label: "Delete message", danger: true, onSelect: () => onRequestDelete(message) }]
                  : []),
              ]}
            />
          )}
        </div>
      )}
    </article>
  );
});

function ReplyIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path
        d="M10 8 5 12l5 4M5 12h9a5 5 0 0 1 5 5v1"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
