"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { describeError, isApiError } from "../api/api-error";
import { roomTitle } from "../conversations/conversation-name";
import { RoomMessages } from "../messages/room-messages";
import { MembersPanel } from "../moderation/members-panel";
import { RemovalNotice } from "../moderation/removal-notice";
import { useRemoval } from "../realtime/use-removals";
import { BackToRooms } from "../shell/back-to-rooms";
import { ThreadPanel } from "../threads/thread-panel";
import { useThreadNavigation } from "../threads/use-thread-navigation";
import { useDocumentTitle } from "../ui/use-document-title";
import { JoinPrompt } from "./join-prompt";
import styles from "./room.module.css";
import { RoomHeader } from "./room-header";
import { roomQuery } from "./room-queries";

/** Not there, or not for us to see: the same answer either way. */
function isMissing(error: unknown): boolean {
  return (
    isApiError(error, "ROOM_NOT_FOUND") ||
    isApiError(error, "NOT_FOUND") ||
    isApiError(error, "FORBIDDEN") ||
    // A malformed id in the address fails validation before any lookup.
    isApiError(error, "VALIDATION_FAILED")
  );
}

export function RoomView({ roomId }: { roomId: string }) {
  const room = useQuery(roomQuery(roomId));
  const removal = useRemoval(roomId);
  const [membersOpen, setMembersOpen] = useState(false);
  const membersPanelId = useId();
  // The open thread (`?thread=<rootId>`): beside the messages, or over them on phones.
  const threads = useThreadNavigation();
  useDocumentTitle(room.data ? roomTitle(room.data) : null);

  // Kicked or banned while here (or since): say so in place of the room, whatever it now shows.
  if (removal) {
    return (
      <section className={styles.room} aria-label="Removed from room">
        <div className={`${styles.header} ${styles.phoneOnly}`}>
          <BackToRooms className={styles.back} />
        </div>
        <RemovalNotice removal={removal} />
      </section>
    );
  }

  if (room.isPending) {
    return (
      <div className={styles.room} aria-busy="true">
        <div className={styles.header}>
          <BackToRooms className={styles.back} />
          <div className={styles.titles}>
            <div className={`skeleton ${styles.skeletonTitle}`} />
            <div className={`skeleton ${styles.skeletonSub}`} />
          </div>
        </div>
        <span className="visually-hidden">Loading room…</span>
      </div>
    );
  }

  if (room.isError) {
    const missing = isMissing(room.error);
    return (
      <div className={styles.room}>
        <div className={styles.header}>
          <BackToRooms className={styles.back} />
        </div>
        <div className="empty-state" style={{ flex: 1 }}>
          <h1>{missing ? "Room not found" : "Could not load this room"}</h1>
          <p>
            {missing ? "This room does not exist, or it is not visible to you." : describeError(room.error)}
          </p>
          <div className="empty-state-actions">
            {missing ? (
              <Link className="btn btn-primary" href="/rooms/browse">
                Find a room
              </Link>
            ) : (
              <button type="button" className="btn btn-primary" onClick={() => void room.refetch()}>
                Try again
              </button>
            )}
          </div>
        </div>
      </div>
    );
  }

  return (
    <section className={styles.room} aria-label={roomTitle(room.data)}>
      <RoomHeader
        room={room.data}
        membersOpen={membersOpen}
        membersPanelId={membersPanelId}
        onToggleMembers={() => {
          // One side panel at a time: "Members" replaces an open thread.
          if (threads.openRootId) {
            threads.close();
            setMembersOpen(true);
          } else setMembersOpen((open) => !open);
        }}
      />
      <div className={styles.body}>
        <div className={styles.column}>
          {room.data.myRole === null ? <JoinPrompt room={room.data} /> : <RoomMessages room={room.data} />}
        </div>
        {threads.openRootId && room.data.myRole !== null ? (
          <ThreadPanel
            key={threads.openRootId}
            room={room.data}
            rootId={threads.openRootId}
            onClose={threads.close}
          />
        ) : (
          membersOpen && (
            <MembersPanel id={membersPanelId} room={room.data} onClose={() => setMembersOpen(false)} />
          )
        )}
      </div>
    </section>
  );
}
