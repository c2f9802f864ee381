"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useRoomOutbox } from "../messages/use-room-outbox";
import { useRealtime } from "../realtime/realtime-context";
import type { Removal } from "../realtime/removals";
import { ShieldIcon } from "../ui/icons";
import styles from "./moderation.module.css";
import { removalText } from "./moderation-text";

/** Shown in place of a room the user was just kicked or banned from. */
export function RemovalNotice({ removal }: { removal: Removal }) {
  const realtime = useRealtime();
  const router = useRouter();
  const unsent = useRoomOutbox(removal.roomId).length;
  // Seen here: no toast for it as well.
  useEffect(() => realtime.removals.markSeen(removal.roomId), [realtime, removal.roomId]);

  return (
    <div className={styles.notice} role="alert">
      <span className={styles.noticeIcon}>
        <ShieldIcon />
      </span>
      <h1>{removalText(removal.reason, removal.roomName)}</h1>
      <p>
        {removal.reason === "banned"
          ? "You can no longer read or join this room unless a moderator lifts the ban."
          : "You can no longer read this room. You may join it again if it is open to you."}
      </p>
      {unsent > 0 && (
        <p>
          {unsent === 1
            ? "1 message you wrote here was not sent."
            : `${unsent} messages you wrote here were not sent.`}
        </p>
      )}
      <div className="empty-state-actions">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            realtime.dismissRemoval(removal.roomId);
            router.replace("/rooms");
          }}
        >
          Back to rooms
        </button>
      </div>
    </div>
  );
}
