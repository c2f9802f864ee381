"use client";

import {
  type Attachment,
  excerpt,
  type Message,
  type ReplyPreview,
  type Room,
  readReceiptsEnabled,
} from "@parley/protocol";
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { describeError } from "../api/api-error";
import { useCurrentUser } from "../auth/current-user";
import { ConversationAvatar } from "../conversations/conversation-avatar";
import { useMentionCandidates } from "../mentions/use-mention-candidates";
import { mutedText } from "../moderation/moderation-text";
import { useMyMutedUntil } from "../moderation/use-my-mute";
import { placeReaders, readReceiptsQuery } from "../reading/read-receipts";
import { useMarkRead } from "../reading/use-mark-read";
import { useReadState } from "../reading/use-read-state";
import { useRealtime } from "../realtime/realtime-context";
import { useThreadNavigation } from "../threads/use-thread-navigation";
import { TypingIndicator } from "../typing/typing-indicator";
import { canDeleteMessage, canEditMessage, canSeeHistory } from "./can-delete";
import { Composer } from "./composer";
import { ComposerNotice } from "./composer-notice";
import { DeleteMessageDialog } from "./delete-message-dialog";
import { useDeliveredSeq } from "./delivered";
import { buildListItems } from "./list-items";
import { messagesQuery } from "./message-cache";
import { MessageHistoryDialog } from "./message-history-dialog";
import { MessageList } from "./message-list";
import { MessageSkeleton } from "./message-skeleton";
import { composerPlaceholder, roomIntro } from "./room-intro";
import { firstUnreadKey, rowKeyAtSeq } from "./unread-divider";
import { useReachSeq } from "./use-jump-to-seq";
import { useLoadOlder } from "./use-load-older";
import { useRoomOutbox } from "./use-room-outbox";

/** A joined room's history, live updates and composer. */
export function RoomMessages({ room }: { room: Room }) {
  const me = useCurrentUser();
  const realtime = useRealtime();
  const messages = useQuery(messagesQuery(room.id));
  const outbox = useRoomOutbox(room.id);
  const older = useLoadOlder(room.id);
  const delivered = useDeliveredSeq(room.id);
  const mutedUntil = useMyMutedUntil(room, me.id);
  // Who has read how far: "Seen" in a 1:1 conversation, faces in a group room.
  const receiptsOn = readReceiptsEnabled(room);
  const fetched = useQuery({ ...readReceiptsQuery(room.id), enabled: receiptsOn }).data;
  const receipts = receiptsOn ? fetched : undefined;
  const dm = room.kind === "dm";
  const theirRead = dm ? (receipts?.receipts[0]?.readSeq ?? 0) : 0;
  const items = useMemo(
    () => buildListItems(messages.data?.messages ?? [], outbox, me, { delivered, read: theirRead }),
    [messages.data, outbox, me, delivered, theirRead],
  );
  const readers = useMemo(
    () => (!dm && receipts?.enabled ? placeReaders(items, receipts.receipts) : undefined),
    [dm, receipts, items],
  );
  const onRetry = useCallback((clientId: string) => realtime.retrySend(clientId), [realtime]);
  const onDelete = useCallback((clientId: string) => realtime.deleteSend(clientId), [realtime]);
  // The message the next send answers ("Reply" on a message; Escape or ✕ in the composer cancels).
  const [replyTo, setReplyTo] = useState<ReplyPreview | null>(null);
  const onSend = useCallback(
    (body: string, attachments: Attachment[]) => {
      realtime.sendMessage(room.id, body, attachments, replyTo ?? undefined);
      setReplyTo(null);
    },
    [realtime, room.id, replyTo],
  );
  const loadOlder = useCallback(() => void older.load(), [older.load]);
  const intro = useMemo(
    () => ({
      ...roomIntro(room),
      icon: room.kind === "channel" ? "#" : <ConversationAvatar room={room} size={52} />,
    }),
    [room],
  );
  const [deleting, setDeleting] = useState<Message | null>(null);
  const onSeen = useMarkRead(room.id);
  const mentions = useMentionCandidates(room, me.id);
  const newestSeq = messages.data?.messages.at(-1)?.seq ?? 0;

  // The read pointer as the room was opened: "New messages" stays where it was while reading.
  const read = useReadState(room.id);
  const [readAtOpen, setReadAtOpen] = useState<{ seq: number; unread: number } | null>(null);
  useEffect(() => {
    if (readAtOpen === null && read) setReadAtOpen({ seq: read.readSeq, unread: read.unreadCount });
  }, [read, readAtOpen]);
  const dividerKey =
    readAtOpen && readAtOpen.unread > 0 ? firstUnreadKey(items, readAtOpen.seq, me.id) : null;

  // A jump to a message: from the inbox (?seq=) or to the first unread one, loading history back to it.
  const [target, setTarget] = useState<{ seq: number; token: number } | null>(null);
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const seqParam = Number(searchParams.get("seq"));
  const loaded = messages.data !== undefined;
  useEffect(() => {
    if (!loaded || !Number.isInteger(seqParam) || seqParam <= 0) return;
    setTarget({ seq: seqParam, token: Date.now() });
    // Taken: a reload or a later render must not jump again.
    router.replace(pathname, { scroll: false });
  }, [loaded, seqParam, router, pathname]);
  const reach = useReachSeq(room.id, target);
  const openThread = useThreadNavigation().open;
  // A jump to a reply in a thread (an inbox entry, a notification): it is not a timeline row,
  // so its thread opens instead — once per jump, so closing the thread does not reopen it.
  const jumpedTo = useRef(0);
  useEffect(() => {
    if (!reach.reached || jumpedTo.current === reach.reached.token) return;
    const reached = reach.reached;
    const entry = messages.data?.messages.find((m) => m.seq === reached.seq);
    if (!entry) return;
    jumpedTo.current = reached.token;
    if (entry.threadRootId) openThread(entry.threadRootId);
  }, [reach.reached, messages.data, openThread]);
  // Only a new jump moves the view; new messages arriving later must not (the key stays).
  const focusKey = reach.reached ? rowKeyAtSeq(items, reach.reached.seq) : null;
  const focusToken = reach.reached?.token ?? 0;
  const focus = useMemo(
    () => (focusKey ? { key: focusKey, token: focusToken } : null),
    [focusKey, focusToken],
  );
  const [pillDismissed, setPillDismissed] = useState(false);
  const oldestHeld = messages.data?.messages[0]?.seq ?? 0;
  const unreadAbove =
    readAtOpen &&
    readAtOpen.unread > 0 &&
    dividerKey === null &&
    !pillDismissed &&
    oldestHeld > readAtOpen.seq + 1
      ? {
          count: readAtOpen.unread,
          jump: () => setTarget({ seq: readAtOpen.seq + 1, token: Date.now() }),
          dismiss: () => setPillDismissed(true),
        }
      : null;
  const { kind, archived, myRole } = room;
  const canDelete = useCallback(
    (message: Message) => canDeleteMessage({ kind, archived, myRole }, me.id, message),
    [kind, archived, myRole, me.id],
  );
  // Editing in place: one message at a time; moderators can read an edited message's history.
  const [editingId, setEditingId] = useState<string | null>(null);
  const [historyOf, setHistoryOf] = useState<Message | null>(null);
  const muted = mutedUntil !== null;
  const editLast = useCallback((): boolean => {
    const mine = items.findLast(
      (item) =>
        item.message !== null && canEditMessage({ archived, myRole }, { id: me.id, muted }, item.message),
    );
    if (!mine?.message) return false;
    setEditingId(mine.message.id);
    return true;
  }, [items, archived, myRole, me.id, muted]);
  const edits = useMemo(
    () => ({
      canEdit: (message: Message) => canEditMessage({ archived, myRole }, { id: me.id, muted }, message),
      canSeeHistory: (message: Message) => canSeeHistory({ kind, myRole }, message),
      editingId,
      start: (message: Message) => setEditingId(message.id),
      end: () => setEditingId(null),
      showHistory: setHistoryOf,
      canReact: myRole !== null && !archived && !muted,
      reply: (message: Message) => setReplyTo(replyPreviewOf(message)),
      jumpTo: (seq: number) => setTarget({ seq, token: Date.now() }),
      openThread: (message: Message) => openThread(message.id),
    }),
    [archived, myRole, me.id, muted, kind, editingId, openThread],
  );

  return (
    <>
      {messages.isPending ? (
        <MessageSkeleton />
      ) : messages.isError ? (
        <div className="empty-state" style={{ flex: 1 }}>
          <h2>Could not load messages</h2>
          <p>{describeError(messages.error)}</p>
          <div className="empty-state-actions">
            <button type="button" className="btn btn-primary" onClick={() => void messages.refetch()}>
              Try again
            </button>
          </div>
        </div>
      ) : (
        <MessageList
          intro={intro}
          myId={me.id}
          myName={me.displayName}
          items={items}
          hasOlder={messages.data.hasOlder}
          older={{ load: loadOlder, loading: older.loading, error: older.error }}
          onRetry={onRetry}
          onDelete={onDelete}
          canDelete={canDelete}
          onRequestDelete={setDeleting}
          edits={edits}
          newestSeq={newestSeq}
          onSeen={onSeen}
          dividerKey={dividerKey}
          unreadAbove={unreadAbove}
          readers={readers}
          focus={focus}
        />
      )}
      <DeleteMessageDialog
        roomId={room.id}
        myId={me.id}
        message={deleting}
        onClose={() => setDeleting(null)}
      />
      <MessageHistoryDialog message={historyOf} onClose={() => setHistoryOf(null)} />
      {/* An archived room is read-only: nobody can be typing there. */}
      {!room.archived && <TypingIndicator roomId={room.id} />}
      {room.archived ? (
        <ComposerNotice>This room is archived: it is read-only.</ComposerNotice>
      ) : mutedUntil ? (
        <ComposerNotice>{mutedText(mutedUntil)}</ComposerNotice>
      ) : (
        <Composer
          key={room.id}
          roomId={room.id}
          placeholder={composerPlaceholder(room)}
          mentions={mentions}
          onSend={onSend}
          replyTo={replyTo}
          onCancelReply={() => setReplyTo(null)}
          onEditLast={editLast}
        />
      )}
    </>
  );
}

/** How a reply quotes the message it answers, while it is pending (the server sends the same). */
function replyPreviewOf(message: Message): ReplyPreview {
  return {
    id: message.id,
    seq: message.seq,
    author: message.author,
    excerpt: excerpt(message.body),
    deleted: message.deleted !== null,
  };
}
