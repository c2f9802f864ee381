"use client";

import type { ThreadListItem } from "@parley/protocol";
import { excerpt } from "@parley/protocol";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { describeError } from "../api/api-error";
import { formatFullDate } from "../messages/format-time";
import { BackToRooms } from "../shell/back-to-rooms";
import { Avatar } from "../ui/avatar";
import { ThreadIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";
import { useDocumentTitle } from "../ui/use-document-title";
import { threadsQuery } from "./thread-queries";
import { relativeReplyTime, replyCountText, threadBadgeText } from "./thread-text";
import styles from "./threads.module.css";

/** Where a thread opens: its room, with the thread panel. */
export function threadHref(roomId: string, rootId: string): string {
  return `/rooms/${roomId}?thread=${rootId}`;
}

/** /rooms/threads: the threads I follow, those with unread replies first. */
export function ThreadsPage() {
  useDocumentTitle("Threads");
  const threads = useQuery({ ...threadsQuery, staleTime: 0 });
  const unread = threads.data?.unreadThreads ?? 0;
  return (
    <div className={styles.page}>
      <div className={styles.inner}>
        <div className={styles.pageHead}>
          <BackToRooms className={styles.pageBack} />
          <h1 className={styles.pageTitle}>Threads</h1>
        </div>
        <p className={styles.lead}>
          {unread > 0 ? `${unread} with unread replies. ` : ""}Threads you started, replied in or follow.
        </p>
        {threads.isPending ? (
          <div className={styles.center} aria-busy="true">
            <Spinner />
            <span className="visually-hidden">Loading threads…</span>
          </div>
        ) : threads.isError ? (
          <div className={`empty-state ${styles.empty}`}>
            <h2>Could not load your threads</h2>
            <p>{describeError(threads.error)}</p>
            <div className="empty-state-actions">
              <button type="button" className="btn btn-primary" onClick={() => void threads.refetch()}>
                Try again
              </button>
            </div>
          </div>
        ) : threads.data.threads.length === 0 ? (
          <div className={`empty-state ${styles.empty}`}>
            <span className={styles.emptyIcon}>
              <ThreadIcon size={24} />
            </span>
            <h2>No threads yet</h2>
            <p>
              Hover a message and choose “Reply in thread” to start one. Threads you start, reply in or follow
              show up here, with unread replies first.
            </p>
          </div>
        ) : (
          <ul className={styles.list} aria-label="Threads you follow">
            {threads.data.threads.map((thread) => (
              <li key={thread.root.id}>
                <ThreadCard thread={thread} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function ThreadCard({ thread }: { thread: ThreadListItem }) {
  const { root, room, state } = thread;
  const summary = root.thread;
  const roomName = room.kind === "channel" ? `#${room.name}` : room.name || "Direct message";
  return (
    <Link
      href={threadHref(room.id, root.id)}
      className={styles.card}
      data-unread={state.unreadCount > 0}
      data-testid="thread-card"
    >
      <span className={styles.cardTop}>
        <span className={styles.cardRoom}>{roomName}</span>
        {state.unreadCount > 0 && (
          <span className={styles.unreadBadge}>{threadBadgeText(state.unreadCount)} new</span>
        )}
      </span>
      <span className={styles.cardRootLine}>
        <Avatar userId={root.author.id} name={root.author.displayName} size={24} />
        <span>
          <span className={styles.cardAuthor}>{root.author.displayName}</span>{" "}
          {root.deleted ? (
            <span className={styles.cardDeleted}>This message was deleted.</span>
          ) : (
            <span className={styles.cardExcerpt}>{excerpt(root.body, 160)}</span>
          )}
        </span>
      </span>
      {summary && (
        <span className={styles.cardMeta}>
          <span className={styles.faces} aria-hidden="true">
            {summary.repliers.map((u) => (
              <Avatar key={u.id} userId={u.id} name={u.displayName} size={20} />
            ))}
          </span>
          <span className={styles.replyCount}>{replyCountText(summary.replyCount)}</span>
          <time dateTime={summary.lastReplyAt} title={formatFullDate(summary.lastReplyAt)}>
            Last reply {relativeReplyTime(summary.lastReplyAt)}
          </time>
        </span>
      )}
    </Link>
  );
}
