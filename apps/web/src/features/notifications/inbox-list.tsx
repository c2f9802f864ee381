"use client";

import type { UseInfiniteQueryResult } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { describeError } from "../api/api-error";
import { Spinner } from "../ui/spinner";
import { type InboxData, inboxEntries } from "./inbox-cache";
import { InboxEntry } from "./inbox-entry";
import { InboxIcon } from "./notification-icons";
import styles from "./notifications.module.css";
import { useMarkEntryRead } from "./use-inbox-actions";
import { useNow } from "./use-now";

/** Starts loading the next page this far before the end of the list comes into view. */
const PRELOAD_MARGIN = "300px";

/** The entries with their loading, error and empty states; older pages load as you scroll. */
export function InboxList({ inbox }: { inbox: UseInfiniteQueryResult<InboxData> }) {
  const now = useNow();
  const markRead = useMarkEntryRead();
  const entries = inboxEntries(inbox.data);

  // Data first: a failed background refresh keeps showing the list it has.
  if (!inbox.data) {
    if (inbox.isError) {
      return (
        <div className="empty-state">
          <p role="alert">Could not load your inbox. {describeError(inbox.error)}</p>
          <button type="button" className="btn" onClick={() => void inbox.refetch()}>
            Try again
          </button>
        </div>
      );
    }
    return <InboxSkeleton />;
  }

  if (entries.length === 0) {
    return (
      <div className={`empty-state ${styles.empty}`}>
        <span className={styles.emptyIcon}>
          <InboxIcon />
        </span>
        <h2>No mentions or direct messages yet</h2>
        <p>
          When someone mentions you (as @ and your name) or sends you a direct message, it shows up here, even
          if you were away.
        </p>
      </div>
    );
  }

  return (
    <>
      <ul className={styles.list} aria-label="Notifications">
        {entries.map((n) => (
          <InboxEntry
            key={n.id}
            notification={n}
            now={now}
            onOpen={(entry) => !entry.read && markRead.mutate(entry.id)}
          />
        ))}
      </ul>
      <OlderPages inbox={inbox} />
    </>
  );
}

function OlderPages({ inbox }: { inbox: UseInfiniteQueryResult<InboxData> }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = inbox;
  // Stops asking after a failure: the person retries with the button instead of a loop.
  const canLoad = hasNextPage && !isFetchingNextPage && !isFetchNextPageError;

  useEffect(() => {
    const node = sentinel.current;
    if (!node || !canLoad) return;
    const observer = new IntersectionObserver(
      (seen) => {
        if (seen.some((e) => e.isIntersecting)) void fetchNextPage();
      },
      { rootMargin: PRELOAD_MARGIN },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [canLoad, fetchNextPage]);

  if (isFetchNextPageError) {
    return (
      <p className={styles.more} role="alert">
        Could not load older notifications. {describeError(inbox.error)}{" "}
        <button type="button" className="btn btn-small" onClick={() => void fetchNextPage()}>
          Try again
        </button>
      </p>
    );
  }
  if (isFetchingNextPage) {
    return (
      <p className={styles.more}>
        <Spinner size={16} /> Loading older notifications…
      </p>
    );
  }
  if (hasNextPage) return <div ref={sentinel} className={styles.sentinel} aria-hidden="true" />;
  return (inbox.data?.pages.length ?? 0) > 1 ? <p className={styles.more}>That is everything.</p> : null;
}

function InboxSkeleton() {
  return (
    <div aria-busy="true">
      <span className="visually-hidden">Loading your inbox…</span>
      {[0, 1, 2, 3].map((row) => (
        <div key={row} className={styles.skeletonRow}>
          <div className={`skeleton ${styles.skeletonAvatar}`} />
          <div className={styles.skeletonLines}>
            <div className="skeleton" style={{ height: 14, width: `${55 - row * 6}%` }} />
            <div className="skeleton" style={{ height: 12, width: `${80 - row * 8}%` }} />
          </div>
        </div>
      ))}
    </div>
  );
}
