"use client";

import type { Room } from "@parley/protocol";
import { useRouter } from "next/navigation";
import { describeError } from "../api/api-error";
import { BackToRooms } from "../shell/back-to-rooms";
import { UsersIcon } from "../ui/icons";
import { RoomGlyph } from "../ui/room-glyph";
import styles from "./room.module.css";
import { useLeaveRoom } from "./room-mutations";

export function memberCountLabel(count: number): string {
  return count === 1 ? "1 member" : `${count.toLocaleString()} members`;
}

export function RoomHeader({
  room,
  membersOpen,
  membersPanelId,
  onToggleMembers,
}: {
  room: Room;
  membersOpen: boolean;
  membersPanelId: string;
  onToggleMembers: () => void;
}) {
  const router = useRouter();
  const leave = useLeaveRoom();
  return (
    <header className={styles.header}>
      <BackToRooms className={styles.back} />
      <div className={styles.titles}>
        <h1 className={styles.name}>
          <RoomGlyph visibility={room.visibility} className={styles.hash} size={17} />
          <span>{room.name}</span>
        </h1>
        <p className={styles.sub}>
          {room.visibility === "private" && (
            <>
              <span>Private</span>
              <span className={styles.dot} aria-hidden="true">
                ·
              </span>
            </>
          )}
          <span>{memberCountLabel(room.memberCount)}</span>
          {room.archived && (
            <>
              <span className={styles.dot} aria-hidden="true">
                ·
              </span>
              <span>Archived</span>
            </>
          )}
          {room.topic && (
            <>
              <span className={styles.dot} aria-hidden="true">
                ·
              </span>
              <span className={styles.topic} title={room.topic}>
                {room.topic}
              </span>
            </>
          )}
        </p>
      </div>
      <button
        type="button"
        className={`btn ${membersOpen ? "btn-primary" : ""} ${styles.headerButton}`}
        aria-expanded={membersOpen}
        aria-controls={membersOpen ? membersPanelId : undefined}
        aria-label="Members"
        onClick={onToggleMembers}
      >
        <UsersIcon />
        <span className={styles.headerButtonText}>Members</span>
      </button>
      {room.myRole !== null && (
        <button
          type="button"
          className={`btn btn-danger ${styles.leave}`}
          disabled={leave.isPending}
          title={leave.isError ? describeError(leave.error) : undefined}
          onClick={() => leave.mutate(room.id, { onSuccess: () => router.replace("/rooms") })}
        >
          Leave room
        </button>
      )}
    </header>
  );
}
