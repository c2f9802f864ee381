"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import sidebar from "../rooms/sidebar.module.css";
import { ThreadIcon } from "../ui/icons";
import { threadsQuery } from "./thread-queries";
import { threadBadgeText } from "./thread-text";
import styles from "./threads.module.css";
import { useThreadsSync } from "./use-threads-sync";

export const THREADS_PATH = "/rooms/threads";

/** The sidebar's "Threads" link, with how many followed threads have unread replies. */
export function ThreadsLink() {
  const pathname = usePathname();
  useThreadsSync();
  const unread = useQuery(threadsQuery).data?.unreadThreads ?? 0;
  return (
    <Link
      href={THREADS_PATH}
      className={sidebar.link}
      aria-current={pathname === THREADS_PATH ? "page" : undefined}
      aria-label={unread > 0 ? `Threads, ${unread} unread` : "Threads"}
    >
      <span className={sidebar.actionIcon}>
        <ThreadIcon />
      </span>
      Threads
      {unread > 0 && (
        <span className={styles.countBadge} aria-hidden="true" data-testid="threads-badge">
          {threadBadgeText(unread)}
        </span>
      )}
    </Link>
  );
}
