"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { describeError } from "../api/api-error";
import { BackToRooms } from "../shell/back-to-rooms";
import { useDocumentTitle } from "../ui/use-document-title";
import { DesktopNotificationsControl } from "./desktop-notifications-control";
import { inboxUnreadCount } from "./inbox-cache";
import { InboxList } from "./inbox-list";
import { inboxQuery } from "./inbox-query";
import styles from "./notifications.module.css";
import { useMarkAllRead } from "./use-inbox-actions";

/** /rooms/inbox: mentions of me and my direct messages, newest first. */
export function InboxPage() {
  useDocumentTitle("Inbox");
  const inbox = useInfiniteQuery(inboxQuery);
  const markAll = useMarkAllRead();
  const unread = inboxUnreadCount(inbox.data);
  return (
    <div className={styles.page}>
      <div className={styles.inner}>
        <div className={styles.head}>
          <BackToRooms className={styles.back} />
          <h1 className={styles.title}>Inbox</h1>
          <button
            type="button"
            className={`btn btn-small ${styles.markAll}`}
            disabled={unread === 0 || markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            Mark all as read
          </button>
        </div>
        <p className={styles.lead}>
          {unread > 0 ? `${unread} unread. ` : ""}Mentions of you and your direct messages, newest first.
        </p>
        {markAll.isError && (
          <p className={`alert ${styles.alert}`} role="alert">
            Could not mark all as read. {describeError(markAll.error)}
          </p>
        )}
        <DesktopNotificationsControl />
        <InboxList inbox={inbox} />
      </div>
    </div>
  );
}
