"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { markAllRoomsRead } from "./mark-read";
import styles from "./reading.module.css";
import { useUnreadTotal } from "./use-read-state";

/** "Mark all read", shown only when something is unread. */
export function MarkAllRead() {
  const queryClient = useQueryClient();
  const total = useUnreadTotal();
  const [state, setState] = useState<"idle" | "pending" | "failed">("idle");
  if (total === 0 && state !== "failed") return null;
  return (
    <button
      type="button"
      className={styles.markAll}
      disabled={state === "pending"}
      title={state === "failed" ? "Could not mark everything read: try again" : undefined}
      onClick={() => {
        setState("pending");
        markAllRoomsRead(queryClient).then(
          () => setState("idle"),
          () => setState("failed"),
        );
      }}
    >
      {state === "failed" ? "Retry mark all read" : "Mark all read"}
    </button>
  );
}
