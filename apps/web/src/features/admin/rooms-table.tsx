"use client";

import type { Room } from "@parley/protocol";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { RoomGlyph } from "../ui/room-glyph";
import styles from "./admin.module.css";
import { adminRoomsQuery } from "./admin-api";
import { formatDateTime, formatDay } from "./format-date";
import { LoadFailed, TableSkeleton } from "./table-states";

const KIND_LABEL: Record<Room["kind"], string> = { channel: "Channel", dm: "Direct", group: "Group" };

/** Every channel on the server, private ones too (never the content of any of them). */
export function RoomsTable() {
  const rooms = useQuery(adminRoomsQuery);
  const titleId = useId();
  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <div className={styles.sectionHead}>
        <h2 className={styles.sectionTitle} id={titleId}>
          Channels
        </h2>
        {rooms.data && <span className={styles.count}>{rooms.data.length}</span>}
      </div>
      <div className={styles.tableWrap}>
        {rooms.isPending ? (
          <TableSkeleton label="Loading channels…" />
        ) : rooms.isError ? (
          <LoadFailed what="the channels" error={rooms.error} onRetry={() => void rooms.refetch()} />
        ) : rooms.data.length === 0 ? (
          <p className={styles.noMatch}>
            No channels yet. The ones people create, public or private, show here.
          </p>
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Visibility</th>
                <th scope="col" className={styles.numeric}>
                  Members
                </th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {rooms.data.map((room) => (
                <tr key={room.id}>
                  <td>
                    <span className={styles.roomName}>
                      <RoomGlyph visibility={room.visibility} className={styles.glyph} />
                      {room.name}
                      {room.archived && <span className="badge">Archived</span>}
                    </span>
                  </td>
                  <td className={styles.muted} data-label="Kind">
                    {KIND_LABEL[room.kind]}
                  </td>
                  <td className={styles.muted} data-label="Visibility">
                    {room.visibility === "private" ? "Private" : "Public"}
                  </td>
                  <td className={`${styles.numeric} ${styles.muted}`} data-label="Members">
                    {room.memberCount.toLocaleString()}
                  </td>
                  <td className={styles.muted} data-label="Created" title={formatDateTime(room.createdAt)}>
                    {formatDay(room.createdAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
