"use client";

import type { Room } from "@parley/protocol";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { describeError } from "../api/api-error";
import { useOpenCreateRoom } from "../shell/create-room-context";
import styles from "./browse.module.css";
import { memberCountLabel } from "./room-header";
import { useJoinRoom } from "./room-mutations";
import { publicRoomsQuery } from "./room-queries";

/** Every public room, with Join (or Open, when already a member). */
export function PublicRoomList() {
  const rooms = useQuery(publicRoomsQuery);
  const openCreate = useOpenCreateRoom();

  if (rooms.isPending) {
    return (
      <div className={styles.list} aria-busy="true">
        <span className="visually-hidden">Loading rooms…</span>
        <div className={`skeleton ${styles.skeletonCard}`} />
        <div className={`skeleton ${styles.skeletonCard}`} />
      </div>
    );
  }
  if (rooms.isError) {
    return (
      <div className="empty-state">
        <p>Could not load the rooms. {describeError(rooms.error)}</p>
        <button type="button" className="btn" onClick={() => void rooms.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (rooms.data.length === 0) {
    return (
      <div className="empty-state">
        <h2>No rooms yet — create the first one</h2>
        <p>Rooms are where conversations happen. Start one and invite others in.</p>
        <div className="empty-state-actions">
          <button type="button" className="btn btn-primary" onClick={openCreate}>
            Create the first room
          </button>
        </div>
      </div>
    );
  }
  return (
    <ul className={styles.list}>
      {rooms.data.map((room) => (
        <PublicRoomRow key={room.id} room={room} />
      ))}
    </ul>
  );
}

function PublicRoomRow({ room }: { room: Room }) {
  const router = useRouter();
  const join = useJoinRoom();
  const href = `/rooms/${room.id}`;
  return (
    <li className={styles.card}>
      <span className={styles.icon} aria-hidden="true">
        #
      </span>
      <div className={styles.info}>
        <h3 className={styles.name}>
          <span aria-hidden="true"># </span>
          {room.name}
        </h3>
        {room.topic && <p className={styles.topic}>{room.topic}</p>}
        <p className={styles.meta}>{memberCountLabel(room.memberCount)}</p>
        {join.isError && (
          <p className="field-error" role="alert">
            {describeError(join.error)}
          </p>
        )}
      </div>
      {room.myRole === null ? (
        <button
          type="button"
          className="btn btn-primary"
          aria-label={`Join ${room.name}`}
          disabled={join.isPending}
          onClick={() => join.mutate(room.id, { onSuccess: () => router.push(href) })}
        >
          Join
        </button>
      ) : (
        <button
          type="button"
          className="btn"
          aria-label={`Open ${room.name}`}
          onClick={() => router.push(href)}
        >
          Open
        </button>
      )}
    </li>
  );
}
