"use client";

import type { Message } from "@parley/protocol";
import {
  Fragment,
  type ReactNode,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { describeError } from "../api/api-error";
import { ReadBy } from "../reading/read-by";
import readingStyles from "../reading/reading.module.css";
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
/** Room left above a row scrolled to (the divider, a jumped-to message). */
const SCROLL_MARGIN_PX = 48;

interface Props {
  /** Shown above the first message once the whole history is loaded. */
  intro: { title: string; text: string; icon: ReactNode };
  myId: string;
  myName: string;
  items: ListItem[];
  /** The newest entry of the room's log held (events included): what "read to the end" means. */
  newestSeq: number;
  hasOlder: boolean;
  older: { load: () => void; loading: boolean; error: unknown };
  onRetry: (clientId: string) => void;
  onDelete: (clientId: string) => void;
  canDelete: (message: Message) => boolean;
  onRequestDelete: (message: Message) => void;
  /** Editing: who may edit or see the history of which message, and the one open for editing. */
  edits?: {
    canEdit: (message: Message) => boolean;
    canSeeHistory: (message: Message) => boolean;
    editingId: string | null;
    start: (message: Message) => void;
    end: () => void;
    showHistory: (message: Message) => void;
    /** I may react in this room (not muted, not archived), and reply. */
    canReact: boolean;
    reply: (message: Message) => void;
    /** Go to a message by seq (a reply's quote), loading history back to it. */
    jumpTo: (seq: number) => void;
    /** Open a message's thread (the side panel; full screen on phones). */
    openThread?: (message: Message) => void;
  };
  /** The newest seq the reader has on screen (called on scroll, new rows, focus). */
  onSeen: (seq: number) => void;
  /** "New messages" goes above this row; the room opens there when it is above the fold. */
  dividerKey: string | null;
  /** Unread messages older than the loaded history: the pill offers to go back to them. */
  unreadAbove: { count: number; jump: () => void; dismiss: () => void } | null;
  /** Scroll this row into view and highlight it (a jump from the inbox); `token` repeats it. */
  focus: { key: string; token: number } | null;
  /** Group rooms with read receipts: who has read up to which row (by row key). */
  readers?: ReadonlyMap<string, readonly string[]>;
}

export function MessageList({
  intro,
  myId,
  myName,
  items,
  newestSeq,
  hasOlder,
  older,
  onRetry,
  onDelete,
  canDelete,
  onRequestDelete,
  edits,
  onSeen,
  dividerKey,
  unreadAbove,
  focus,
  readers,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  /** The first row and its offset after the last render, to hold it still when rows are prepended. */
  const anchor = useRef<{ key: string; top: number } | null>(null);
  const lastKey = useRef<string | null>(null);
  const [unseen, setUnseen] = useState(false);
  const [dividerAbove, setDividerAbove] = useState(false);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const layouts = useMemo(() => layoutItems(items), [items]);
  const canLoadOlder = hasOlder && !older.loading && !older.error;

  const rowOf = useCallback(
    (key: string) => scroller.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) ?? null,
    [],
  );
  const rowOffset = useCallback((key: string): number | null => rowOf(key)?.offsetTop ?? null, [rowOf]);

  const scrollToBottom = useCallback((smooth = false) => {
    const el = scroller.current;
    if (!el) return;
    el.scrollTo({ top: el.scrollHeight, behavior: smooth ? "smooth" : "auto" });
    atBottom.current = true;
    setUnseen(false);
  }, []);

  /** What the reader has seen: everything when at the bottom, else up to the lowest row in view. */
  const reportSeen = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    if (atBottom.current) {
      onSeen(newestSeq);
    } else {
      const bottom = el.scrollTop + el.clientHeight;
      for (let i = items.length - 1; i >= 0; i--) {
        const message = items[i]?.message;
        if (!message) continue;
        const row = rowOf(items[i]?.key ?? "");
        if (row && row.offsetTop + row.offsetHeight <= bottom) {
          onSeen(message.seq);
          break;
        }
      }
    }
    const divider = el.querySelector<HTMLElement>("[data-divider]");
    setDividerAbove(divider !== null && divider.offsetTop + divider.offsetHeight < el.scrollTop);
  }, [items, newestSeq, onSeen, rowOf]);

  // After each change of rows, before paint: keep the reader's place.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const first = items[0]?.key ?? null;
    const last = items.at(-1)?.key ?? null;
    if (lastKey.current === null) {
      // Opening the room: at the first unread message when it is above the fold, else at the end.
      const divider = el.querySelector<HTMLElement>("[data-divider]");
      if (divider && divider.offsetTop < el.scrollHeight - el.clientHeight) {
        el.scrollTop = Math.max(0, divider.offsetTop - SCROLL_MARGIN_PX);
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
      } else {
        el.scrollTop = el.scrollHeight;
      }
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

  // New rows, or the page came back into focus: what is on screen now counts as seen.
  useEffect(() => {
    reportSeen();
    window.addEventListener("focus", reportSeen);
    document.addEventListener("visibilitychange", reportSeen);
    return () => {
      window.removeEventListener("focus", reportSeen);
      document.removeEventListener("visibilitychange", reportSeen);
    };
  }, [reportSeen]);

  // A jump (from the inbox): bring the row into view and mark it for a moment.
  useEffect(() => {
    if (!focus) return;
    const el = scroller.current;
    const row = rowOf(focus.key);
    if (!el || !row) return;
    el.scrollTop = Math.max(0, row.offsetTop - SCROLL_MARGIN_PX);
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    setHighlighted(focus.key);
    const timer = setTimeout(() => setHighlighted(null), 2500);
    return () => clearTimeout(timer);
  }, [focus, rowOf]);

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
    reportSeen();
  }

  const jumpToDivider = () => {
    const el = scroller.current;
    const divider = el?.querySelector<HTMLElement>("[data-divider]");
    if (el && divider)
      el.scrollTo({ top: Math.max(0, divider.offsetTop - SCROLL_MARGIN_PX), behavior: "smooth" });
  };
  const pill =
    unreadAbove ??
    (dividerAbove ? { count: null, jump: jumpToDivider, dismiss: () => setDividerAbove(false) } : null);

  return (
    <div className={styles.wrapper}>
      {pill && (
        <div className={readingStyles.jump} role="status">
          <button type="button" onClick={pill.jump}>
            ↑ Jump to first unread{pill.count ? ` (${pill.count > 99 ? "99+" : pill.count})` : ""}
          </button>
          <button type="button" onClick={pill.dismiss} aria-label="Dismiss">
            ✕
          </button>
        </div>
      )}
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
              {intro.icon}
            </div>
            <h2>{intro.title}</h2>
            <p>{intro.text}</p>
          </div>
        )}
        {items.map((item, index) => {
          const layout = layouts[index] ?? { startsGroup: true, startsDay: false };
          const divided = item.key === dividerKey;
          return (
            <Fragment key={item.key}>
              {layout.startsDay && (
                <div className={styles.day}>
                  <span>{formatDayLabel(item.createdAt)}</span>
                </div>
              )}
              {divided && (
                <div className={readingStyles.divider} data-divider="">
                  <span>New messages</span>
                </div>
              )}
              <div className={item.key === highlighted ? styles.highlight : undefined}>
                <MessageItem
                  item={item}
                  startsGroup={layout.startsGroup || divided}
                  onRetry={onRetry}
                  onDelete={onDelete}
                  canDelete={item.message !== null && canDelete(item.message)}
                  onRequestDelete={onRequestDelete}
                  myName={myName}
                  canEdit={item.message !== null && (edits?.canEdit(item.message) ?? false)}
                  canSeeHistory={item.message !== null && (edits?.canSeeHistory(item.message) ?? false)}
                  editing={item.message !== null && item.message.id === edits?.editingId}
                  onStartEdit={edits?.start}
                  onEndEdit={edits?.end}
                  onShowHistory={edits?.showHistory}
                  canReact={item.message !== null && (edits?.canReact ?? false)}
                  myId={myId}
                  onReply={edits?.reply}
                  onJumpTo={edits?.jumpTo}
                  onOpenThread={edits?.openThread}
                />
                {readers?.has(item.key) && <ReadBy userIds={readers.get(item.key) ?? []} />}
              </div>
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
