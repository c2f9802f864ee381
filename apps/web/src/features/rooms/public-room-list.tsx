"use client";

import { API, type Room, RoomListResponse } from "@parley/protocol";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiGet } from "../api/api-client";
import { describeError } from "../api/api-error";
import { queryKeys } from "../api/query-keys";
import { useOpenCreateRoom } from "../shell/create-room-context";
import { activityLabel } from "./activity-label";
import styles from "./browse.module.css";
import { memberCountLabel } from "./room-header";
import { useJoinRoom } from "./room-mutations";

/**
 * Public rooms matching a search (blank: all), most recently active first. One cache entry per
 * search text under the publicRooms prefix, so invalidating publicRooms refreshes them all.
 */
export function publicRoomsSearchQuery(search: string) {
  const q = search.trim();
  return queryOptions({
    queryKey: [...queryKeys.publicRooms, q] as const,
    queryFn: async (): Promise<Room[]> => {
      const path = q === "" ? API.rooms : `${API.rooms}?${new URLSearchParams({ q })}`;
      return (await apiGet(path, RoomListResponse)).rooms;
    },
  });
}

/** Public rooms, with Join (or Open, when already a member). */
export function PublicRoomList({ search = "" }: { search?: string }) {
  // While a new search loads, the previous results stay (dimmed) instead of a skeleton flash.
  const rooms = useQuery({ ...publicRoomsSearchQuery(search), placeholderData: keepPreviousData });
  const openCreate = useOpenCreateRoom();
  const q = search.trim();

  // Pending, or showing an empty previous result while the new search loads.
  if (rooms.isPending || (rooms.isPlaceholderData && rooms.data.length === 0)) {
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
        <p role="alert">Could not load the rooms. {describeError(rooms.error)}</p>
        <button type="button" className="btn" onClick={() => void rooms.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (rooms.data.length === 0) {
    if (q !== "") {
      return (
        <div className="empty-state">
          <h2>No public rooms match “{q}”</h2>
          <p>Try another word from a room’s name or topic — or start the room yourself.</p>
          <div className="empty-state-actions">
            <button type="button" className="btn btn-primary" onClick={openCreate}>
              Create a room
            </button>
          </div>
        </div>
      );
    }
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
    <ul
      className={styles.list}
      aria-label={q === "" ? "Public rooms" : `Public rooms matching ${q}`}
      aria-busy={rooms.isPlaceholderData}
      data-stale={rooms.isPlaceholderData || undefined}
    >
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
          {room.archived && <span className={`badge ${styles.badge}`}>Archived</span>}
        </h3>
        {room.topic && <p className={styles.topic}>{room.topic}</p>}
        <p className={styles.meta}>
          {memberCountLabel(room.memberCount)}
          <span aria-hidden="true"> · </span>
          <span className="visually-hidden">, </span>
          <span title={room.lastActivityAt ? new Date(room.lastActivityAt).toLocaleString() : undefined}>
            {activityLabel(room.lastActivityAt)}
          </span>
        </p>
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
