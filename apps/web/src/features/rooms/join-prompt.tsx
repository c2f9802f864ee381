"use client";

import type { Room } from "@parley/protocol";
import { describeError } from "../api/api-error";
import styles from "./room.module.css";
import { useJoinRoom } from "./room-mutations";

/** A public room the user is not in: a preview and the way in. */
export function JoinPrompt({ room }: { room: Room }) {
  const join = useJoinRoom();
  return (
    <div className={styles.join}>
      <span className={styles.joinIcon} aria-hidden="true">
        #
      </span>
      <h2>Join this room</h2>
      <p>Join #{room.name} to read its messages and take part.</p>
      {join.isError && (
        <p className="alert" role="alert">
          {describeError(join.error)}
        </p>
      )}
      <button
        type="button"
        className="btn btn-primary"
        disabled={join.isPending}
        onClick={() => join.mutate(room.id)}
      >
        Join room
      </button>
    </div>
  );
}
