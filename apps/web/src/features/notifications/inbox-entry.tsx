"use client";

import type { Notification } from "@parley/protocol";
import Link from "next/link";
import { Avatar } from "../ui/avatar";
import { entryExcerpt, entryHeadline, messageHref } from "./notification-text";
import styles from "./notifications.module.css";
import { fullTime, relativeTime } from "./relative-time";

/** One inbox entry: who, where, what, when; opening it marks it read. */
export function InboxEntry({
  notification: n,
  now,
  onOpen,
}: {
  notification: Notification;
  now: Date;
  onOpen: (notification: Notification) => void;
}) {
  return (
    <li>
      <Link
        href={messageHref(n.room.id, n.seq)}
        className={styles.entry}
        data-unread={!n.read || undefined}
        onClick={() => onOpen(n)}
      >
        <Avatar userId={n.author.id} name={n.author.displayName} size={36} />
        <span className={styles.entryBody}>
          <span className={styles.entryTop}>
            <span className={styles.headline}>{entryHeadline(n)}</span>
            <time className={styles.time} dateTime={n.createdAt} title={fullTime(n.createdAt)}>
              {relativeTime(n.createdAt, now)}
            </time>
          </span>
          <span className={styles.excerpt} data-deleted={n.deleted || undefined}>
            {entryExcerpt(n)}
          </span>
        </span>
        <span className={styles.dotSlot}>
          {!n.read && (
            <span className={styles.dot}>
              <span className="visually-hidden">Unread</span>
            </span>
          )}
        </span>
      </Link>
    </li>
  );
}
