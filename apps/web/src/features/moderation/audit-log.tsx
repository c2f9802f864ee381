"use client";

import { useQuery } from "@tanstack/react-query";
import { describeError } from "../api/api-error";
import { Avatar } from "../ui/avatar";
import styles from "./moderation.module.css";
import { auditQuery } from "./moderation-api";
import { describeAudit, formatWhen } from "./moderation-text";

/** Admins and above: every moderation action in this room, newest first. */
export function AuditLog({ roomId }: { roomId: string }) {
  const entries = useQuery(auditQuery(roomId));
  if (entries.isPending) {
    return (
      <div aria-busy="true" className={styles.skeletons}>
        <span className="visually-hidden">Loading the moderation log…</span>
        <div className="skeleton" />
        <div className="skeleton" />
      </div>
    );
  }
  if (entries.isError) {
    return (
      <div className={styles.empty}>
        <p>Could not load the moderation log. {describeError(entries.error)}</p>
        <button type="button" className="btn btn-small" onClick={() => void entries.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (entries.data.length === 0) {
    return (
      <div className={styles.empty}>
        <h3>No moderation actions yet</h3>
        <p>Kicks, bans, mutes and role changes in this room will be listed here.</p>
      </div>
    );
  }
  return (
    <ol className={styles.list} aria-label="Moderation actions, newest first">
      {entries.data.map((entry) => {
        const { summary, details } = describeAudit(entry);
        return (
          <li key={entry.id} className={styles.logRow}>
            <Avatar userId={entry.actor.id} name={entry.actor.displayName} size={28} />
            <div className={styles.rowInfo}>
              <span className={styles.logSummary}>{summary}</span>
              {details.map((detail) => (
                <span key={detail} className={styles.rowMeta}>
                  {detail}
                </span>
              ))}
              <time className={styles.logTime} dateTime={entry.createdAt}>
                {formatWhen(entry.createdAt)}
              </time>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
