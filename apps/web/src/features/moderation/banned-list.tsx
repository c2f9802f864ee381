"use client";

import type { PublicUser } from "@parley/protocol";
import { useQuery } from "@tanstack/react-query";
import { describeError } from "../api/api-error";
import { Avatar } from "../ui/avatar";
import styles from "./moderation.module.css";
import { bansQuery } from "./moderation-api";
import { formatWhen } from "./moderation-text";

/** Moderators and above: who is banned, by whom, why, until when; with Unban. */
export function BannedList({ roomId, onUnban }: { roomId: string; onUnban: (user: PublicUser) => void }) {
  const bans = useQuery(bansQuery(roomId));
  return (
    <section aria-label="Banned" className={styles.section}>
      <h3 className={styles.sectionTitle}>Banned</h3>
      {bans.isPending ? (
        <div className={`skeleton ${styles.skeletonLine}`} />
      ) : bans.isError ? (
        <p className={styles.muted}>Could not load the bans. {describeError(bans.error)}</p>
      ) : bans.data.length === 0 ? (
        <p className={styles.muted}>Nobody is banned from this room.</p>
      ) : (
        <ul className={styles.list}>
          {bans.data.map((ban) => (
            <li key={ban.user.id} className={styles.row}>
              <Avatar userId={ban.user.id} name={ban.user.displayName} size={32} />
              <div className={styles.rowInfo}>
                <span className={styles.rowName}>{ban.user.displayName}</span>
                <span className={styles.rowMeta}>
                  By {ban.bannedBy.displayName} ·{" "}
                  {ban.expiresAt ? `until ${formatWhen(ban.expiresAt)}` : "until lifted"}
                </span>
                {ban.reason && <span className={styles.rowMeta}>“{ban.reason}”</span>}
              </div>
              <button
                type="button"
                className="btn btn-small"
                aria-label={`Unban ${ban.user.displayName}`}
                onClick={() => onUnban(ban.user)}
              >
                Unban
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
