"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import sidebar from "../rooms/sidebar.module.css";
import { inboxUnreadCount } from "./inbox-cache";
import { inboxQuery } from "./inbox-query";
import { InboxIcon } from "./notification-icons";
import styles from "./notifications.module.css";
import { useDesktopNotifications } from "./use-desktop-notifications";
import { useInboxSync } from "./use-inbox-sync";

export const INBOX_PATH = "/rooms/inbox";

/** "99+" past 99, as Slack does: the exact number tells nobody more. */
export function badgeText(count: number): string {
  return count > 99 ? "99+" : String(count);
}

/**
 * The sidebar's "Inbox" link with its unread badge. The sidebar is mounted for as long as the
 * signed-in app is (on phones too, only hidden), so the inbox's live sync and the desktop
 * notifications run from here.
 */
export function InboxLink() {
  const pathname = usePathname();
  const inbox = useInfiniteQuery(inboxQuery);
  const unread = inboxUnreadCount(inbox.data);
  return (
    <>
      <InboxLive />
      <Link
        href={INBOX_PATH}
        className={sidebar.link}
        aria-current={pathname === INBOX_PATH ? "page" : undefined}
        aria-label={unread > 0 ? `Inbox, ${unread} unread` : "Inbox"}
      >
        <span className={sidebar.actionIcon}>
          <InboxIcon />
        </span>
        Inbox
        {unread > 0 && (
          <span className={styles.countBadge} aria-hidden="true">
            {badgeText(unread)}
          </span>
        )}
      </Link>
    </>
  );
}

/** Renders nothing: keeps the inbox cache live and shows desktop notifications. */
function InboxLive() {
  useInboxSync();
  useDesktopNotifications();
  return null;
}
