"use client";

import type { Room } from "@parley/protocol";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { describeError } from "../api/api-error";
import { useCurrentUser } from "../auth/current-user";
import { mutedText } from "../moderation/moderation-text";
import { useMyMutedUntil } from "../moderation/use-my-mute";
import { useRealtime } from "../realtime/realtime-context";
import { Composer } from "./composer";
import { ComposerNotice } from "./composer-notice";
import { useDeliveredSeq } from "./delivered";
import { buildListItems } from "./list-items";
import { messagesQuery } from "./message-cache";
import { MessageList } from "./message-list";
import { MessageSkeleton } from "./message-skeleton";
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
  const items = useMemo(
    () => buildListItems(messages.data?.messages ?? [], outbox, me, { delivered }),
    [messages.data, outbox, me, delivered],
  );
  const onRetry = useCallback((clientId: string) => realtime.retrySend(clientId), [realtime]);
  const onDelete = useCallback((clientId: string) => realtime.deleteSend(clientId), [realtime]);
  const onSend = useCallback((body: string) => realtime.sendMessage(room.id, body), [realtime, room.id]);
  const loadOlder = useCallback(() => void older.load(), [older.load]);

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
          roomName={room.name}
          roomTopic={room.topic}
          myId={me.id}
          items={items}
          hasOlder={messages.data.hasOlder}
          older={{ load: loadOlder, loading: older.loading, error: older.error }}
          onRetry={onRetry}
          onDelete={onDelete}
        />
      )}
      {room.archived ? (
        <ComposerNotice>This room is archived: it is read-only.</ComposerNotice>
      ) : mutedUntil ? (
        <ComposerNotice>{mutedText(mutedUntil)}</ComposerNotice>
      ) : (
        <Composer key={room.id} roomId={room.id} roomName={room.name} onSend={onSend} />
      )}
    </>
  );
}
