"use client";

import type { Room } from "@parley/protocol";
import { useRouter } from "next/navigation";
import { describeError } from "../api/api-error";
import { BackToRooms } from "../shell/back-to-rooms";
import styles from "./room.module.css";
import { useLeaveRoom } from "./room-mutations";

export function memberCountLabel(count: number): string {
  return count === 1 ? "1 member" : `${count.toLocaleString()} members`;
}

export function RoomHeader({ room }: { room: Room }) {
  const router = useRouter();
  const leave = useLeaveRoom();
  return (
    <header className={styles.header}>
      <BackToRooms className={styles.back} />
      <div className={styles.titles}>
        <h1 className={styles.name}>
          <span className={styles.hash} aria-hidden="true">
            #
          </span>
          <span>{room.name}</span>
        </h1>
        <p className={styles.sub}>
          <span>{memberCountLabel(room.memberCount)}</span>
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
