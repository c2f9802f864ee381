"use client";

import { Fragment, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { describeError } from "../api/api-error";
import { Spinner } from "../ui/spinner";
import { formatDayLabel } from "./format-time";
import { layoutItems } from "./grouping";
import type { ListItem } from "./list-items";
import { MessageItem } from "./message-item";
import styles from "./messages.module.css";

/** Within this many pixels of the bottom counts as "reading the newest messages". */
const NEAR_BOTTOM_PX = 80;
/** Start loading older messages this far before the top is reached. */
const NEAR_TOP_PX = 400;

interface Props {
  roomName: string;
  roomTopic: string;
  myId: string;
  items: ListItem[];
  hasOlder: boolean;
  older: { load: () => void; loading: boolean; error: unknown };
  onRetry: (clientId: string) => void;
  onDelete: (clientId: string) => void;
}

export function MessageList({ roomName, roomTopic, myId, items, hasOlder, older, onRetry, onDelete }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  /** The first row and its offset after the last render, to hold it still when rows are prepended. */
  const anchor = useRef<{ key: string; top: number } | null>(null);
  const lastKey = useRef<string | null>(null);
  const [unseen, setUnseen] = useState(false);
  const layouts = useMemo(() => layoutItems(items), [items]);
  const canLoadOlder = hasOlder && !older.loading && !older.error;

  const rowOffset = useCallback((key: string): number | null => {
    const row = scroller.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
    return row ? row.offsetTop : null;
  }, []);

  const scrollToBottom = useCallback((smooth = false) => {
    const el = scroller.current;
    if (!el) return;
    el.scrollTo({ top: el.scrollHeight, behavior: smooth ? "smooth" : "auto" });
    atBottom.current = true;
    setUnseen(false);
  }, []);

  // After each change of rows, before paint: keep the reader's place.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const first = items[0]?.key ?? null;
    const last = items.at(-1)?.key ?? null;
    if (lastKey.current === null) {
      el.scrollTop = el.scrollHeight;
    } else {
      const previous = anchor.current;
      if (previous && previous.key !== first) {
        // Older rows arrived above: shift by exactly how far the old first row moved down.
        const top = rowOffset(previous.key);
        if (top !== null) el.scrollTop += top - previous.top;
      }
      if (last !== lastKey.current) {
        const newest = items.at(-1);
        if (atBottom.current || newest?.authorId === myId) scrollToBottom();
        else setUnseen(true);
      }
    }
    lastKey.current = last ?? "";
    const top = first === null ? null : rowOffset(first);
    anchor.current = first !== null && top !== null ? { key: first, top } : null;
  }, [items, myId, rowOffset, scrollToBottom]);

  // Too few rows to scroll, or still near the top after a page landed: fetch more.
  useEffect(() => {
    const el = scroller.current;
    if (el && canLoadOlder && el.scrollTop < NEAR_TOP_PX) older.load();
  }, [canLoadOlder, older.load]);

  // The pane changed height (composer grew, phone keyboard): stay pinned to the bottom.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  function onScroll() {
    const el = scroller.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    if (atBottom.current && unseen) setUnseen(false);
    if (canLoadOlder && el.scrollTop < NEAR_TOP_PX) older.load();
  }

  return (
    <div className={styles.wrapper}>
      <div ref={scroller} className={styles.scroller} role="log" aria-label="Messages" onScroll={onScroll}>
        {hasOlder ? (
          <div className={styles.top}>
            {older.error ? (
              <>
                <span>Could not load older messages. {describeError(older.error)}</span>
                <button type="button" className="btn btn-small" onClick={() => older.load()}>
                  Retry
                </button>
              </>
            ) : older.loading ? (
              <Spinner label="Loading older messages" />
            ) : null}
          </div>
        ) : (
          <div className={styles.intro}>
            <div className={styles.introIcon} aria-hidden="true">
              #
            </div>
            <h2>Beginning of #{roomName}</h2>
            <p>{roomTopic || `This is the very start of the #${roomName} room. Say hello!`}</p>
          </div>
        )}
        {items.map((item, index) => {
          const layout = layouts[index] ?? { startsGroup: true, startsDay: false };
          return (
            <Fragment key={item.key}>
              {layout.startsDay && (
                <div className={styles.day}>
                  <span>{formatDayLabel(item.createdAt)}</span>
                </div>
              )}
              <MessageItem
                item={item}
                startsGroup={layout.startsGroup}
                onRetry={onRetry}
                onDelete={onDelete}
              />
            </Fragment>
          );
        })}
      </div>
      {unseen && (
        <button type="button" className={styles.pill} onClick={() => scrollToBottom(true)}>
          New messages ↓
        </button>
      )}
    </div>
  );
}
