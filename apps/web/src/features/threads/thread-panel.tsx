"use client";

import type { Attachment, Message, Room } from "@parley/protocol";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { describeError, isApiError } from "../api/api-error";
import { useCurrentUser } from "../auth/current-user";
import { roomTitle } from "../conversations/conversation-name";
import { useMentionCandidates } from "../mentions/use-mention-candidates";
import { canDeleteMessage, canEditMessage, canSeeHistory } from "../messages/can-delete";
import { Composer } from "../messages/composer";
import { ComposerNotice } from "../messages/composer-notice";
import { DeleteMessageDialog } from "../messages/delete-message-dialog";
import { useDeliveredSeq } from "../messages/delivered";
import { layoutItems } from "../messages/grouping";
import { buildListItems, type ListItem } from "../messages/list-items";
import { messagesQuery } from "../messages/message-cache";
import { MessageHistoryDialog } from "../messages/message-history-dialog";
import { MessageItem } from "../messages/message-item";
import { useRoomOutbox } from "../messages/use-room-outbox";
import { mutedText } from "../moderation/moderation-text";
import { useMyMutedUntil } from "../moderation/use-my-mute";
import { useRealtime } from "../realtime/realtime-context";
import { ArrowLeftIcon, CloseIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";
import { markThreadRead, setFollowing, threadMessages, threadQuery, threadStateOf } from "./thread-queries";
import { replyCountText } from "./thread-text";
import styles from "./threads.module.css";

/** Within this many pixels of the bottom counts as reading the newest replies. */
const NEAR_BOTTOM_PX = 80;

/**
 * A thread beside its room (desktop) or over it (phones: full screen, with a back button):
 * the root, its replies with the timeline's own message rows (markdown, reactions, edit and
 * delete menus), Follow/Unfollow, and a composer whose sends carry the root's id. Replies
 * arrive through the room's stream; see threadMessages.
 */
export function ThreadPanel({ room, rootId, onClose }: { room: Room; rootId: string; onClose: () => void }) {
  const me = useCurrentUser();
  const realtime = useRealtime();
  const queryClient = useQueryClient();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const thread = useInfiniteQuery(threadQuery(room.id, rootId));
  const roomEntries = useQuery(messagesQuery(room.id)).data?.messages;
  const outbox = useRoomOutbox(room.id);
  const delivered = useDeliveredSeq(room.id);
  const mutedUntil = useMyMutedUntil(room, me.id);
  const mentions = useMentionCandidates(room, me.id);
  const { root, replies } = useMemo(
    () => threadMessages(thread.data, roomEntries ?? [], rootId),
    [thread.data, roomEntries, rootId],
  );
  const items = useMemo(
    () => buildListItems(replies, outbox, me, { delivered }, rootId),
    [replies, outbox, me, delivered, rootId],
  );
  const layouts = useMemo(() => layoutItems(items), [items]);
  const state = threadStateOf(thread.data);

  // Focus lands on the panel when it opens (or moves to another thread), for keyboards and screen readers.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when the thread changes.
  useEffect(() => heading.current?.focus(), [rootId]);

  // Read while open: the pointer follows the newest reply shown (followers only keep one).
  const newestSeq = replies.at(-1)?.seq ?? 0;
  const following = state?.following ?? false;
  const readSeq = state?.readSeq ?? 0;
  useEffect(() => {
    if (!following || newestSeq <= readSeq || document.visibilityState !== "visible") return;
    markThreadRead(queryClient, room.id, rootId, newestSeq).catch(() => {
      // Not fatal: the pointer is sent again with the next reply or the next opening.
    });
  }, [following, newestSeq, readSeq, queryClient, room.id, rootId]);

  // Stay at the newest reply as replies come, unless the reader scrolled up to older ones.
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (el) atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure whenever the rows change.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [items.length, root !== null]);

  const [followBusy, setFollowBusy] = useState(false);
  const [followError, setFollowError] = useState<string | null>(null);
  const toggleFollow = () => {
    setFollowBusy(true);
    setFollowError(null);
    setFollowing(queryClient, room.id, rootId, !following)
      .catch((error: unknown) => setFollowError(describeError(error)))
      .finally(() => setFollowBusy(false));
  };

  const onSend = useCallback(
    (body: string, attachments: Attachment[]) => {
      atBottom.current = true;
      realtime.sendMessage(room.id, body, attachments, undefined, rootId);
    },
    [realtime, room.id, rootId],
  );
  const onRetry = useCallback((clientId: string) => realtime.retrySend(clientId), [realtime]);
  const onDiscard = useCallback((clientId: string) => realtime.deleteSend(clientId), [realtime]);
  const [deleting, setDeleting] = useState<Message | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [historyOf, setHistoryOf] = useState<Message | null>(null);
  const muted = mutedUntil !== null;
  const { kind, archived, myRole } = room;
  const canReact = myRole !== null && !archived && !muted;
  const rowProps = (item: ListItem) => ({
    onRetry,
    onDelete: onDiscard,
    canDelete: item.message !== null && canDeleteMessage({ kind, archived, myRole }, me.id, item.message),
    onRequestDelete: setDeleting,
    myName: me.displayName,
    canEdit:
      item.message !== null && canEditMessage({ archived, myRole }, { id: me.id, muted }, item.message),
    canSeeHistory: item.message !== null && canSeeHistory({ kind, myRole }, item.message),
    editing: item.message !== null && item.message.id === editingId,
    onStartEdit: (message: Message) => setEditingId(message.id),
    onEndEdit: () => setEditingId(null),
    onShowHistory: setHistoryOf,
    canReact: item.message !== null && canReact,
    myId: me.id,
  });
  const built = root ? buildListItems([root], [], me)[0] : undefined;
  // The root is shown for context: no delivery ticks on it here.
  const rootItem = built ? { ...built, status: null } : undefined;
  const replyCount = root?.thread?.replyCount ?? 0;

  return (
    // data-swipe-pane: on a phone, a swipe from the left edge drags this panel away (shell/use-edge-swipe-back.ts).
    <aside className={styles.panel} aria-labelledby={headingId} data-testid="thread-panel" data-swipe-pane>
      <div className={styles.head}>
        <button
          type="button"
          className={`btn btn-ghost btn-icon ${styles.phoneBack}`}
          aria-label={`Back to ${roomTitle(room)}`}
          onClick={onClose}
        >
          <ArrowLeftIcon />
        </button>
        <div className={styles.headTitles}>
          <h2 ref={heading} id={headingId} tabIndex={-1} className={styles.title}>
            Thread
          </h2>
          <span className={styles.headRoom}>
            {room.kind === "channel" ? `#${room.name}` : roomTitle(room)}
          </span>
        </div>
        {state && (
          <button
            type="button"
            className={`btn btn-small ${following ? "btn-ghost" : ""}`}
            aria-pressed={following}
            disabled={followBusy}
            onClick={toggleFollow}
            title={following ? "Stop getting notified of replies" : "Get notified of new replies"}
          >
            {following ? "Following" : "Follow"}
          </button>
        )}
        <button
          type="button"
          className={`btn btn-ghost btn-icon ${styles.desktopClose}`}
          aria-label="Close thread"
          onClick={onClose}
        >
          <CloseIcon />
        </button>
      </div>
      {followError && (
        <p className={styles.inlineError} role="alert">
          {followError}
        </p>
      )}
      {thread.isPending ? (
        <div className={styles.center} aria-busy="true">
          <Spinner />
          <span className="visually-hidden">Loading thread…</span>
        </div>
      ) : thread.isError ? (
        <div className="empty-state" style={{ flex: 1 }}>
          <h2>
            {isApiError(thread.error, "MESSAGE_NOT_FOUND") ? "Thread not found" : "Could not load the thread"}
          </h2>
          <p>
            {isApiError(thread.error, "MESSAGE_NOT_FOUND")
              ? "Its message is not in this room."
              : isApiError(thread.error, "INVALID_THREAD_ROOT")
                ? "This message is a reply in a thread."
                : describeError(thread.error)}
          </p>
          <div className="empty-state-actions">
            <button type="button" className="btn btn-primary" onClick={() => void thread.refetch()}>
              Try again
            </button>
          </div>
        </div>
      ) : (
        <div className={styles.scroll} ref={scroller} onScroll={onScroll}>
          {rootItem && (
            <div className={styles.root}>
              <MessageItem item={rootItem} startsGroup {...rowProps(rootItem)} />
            </div>
          )}
          <div className={styles.divider}>
            <span>{replyCount > 0 ? replyCountText(replyCount) : "No replies yet"}</span>
          </div>
          {thread.hasNextPage && (
            <div className={styles.earlier}>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                disabled={thread.isFetchingNextPage}
                onClick={() => void thread.fetchNextPage()}
              >
                {thread.isFetchingNextPage ? "Loading…" : "Earlier replies"}
              </button>
            </div>
          )}
          {items.length === 0 ? (
            <p className={styles.hint}>Replies stay here, beside the room. Start the thread below.</p>
          ) : (
            <div className={styles.replies} role="log" aria-label="Replies">
              {items.map((item, i) => (
                <MessageItem
                  key={item.key}
                  item={item}
                  startsGroup={layouts[i]?.startsGroup ?? true}
                  {...rowProps(item)}
                />
              ))}
            </div>
          )}
        </div>
      )}
      {archived ? (
        <ComposerNotice>This room is archived: it is read-only.</ComposerNotice>
      ) : mutedUntil ? (
        <ComposerNotice>{mutedText(mutedUntil)}</ComposerNotice>
      ) : myRole === null ? null : (
        <Composer
          key={rootId}
          roomId={room.id}
          draftKey={`thread:${rootId}`}
          acceptDrops={false}
          label="Reply in thread"
          placeholder="Reply…"
          mentions={mentions}
          onSend={onSend}
        />
      )}
      <DeleteMessageDialog
        roomId={room.id}
        myId={me.id}
        message={deleting}
        onClose={() => setDeleting(null)}
      />
      <MessageHistoryDialog message={historyOf} onClose={() => setHistoryOf(null)} />
    </aside>
  );
}
