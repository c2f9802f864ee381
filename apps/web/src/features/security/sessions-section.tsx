"use client";

import type { SessionInfo } from "@parley/protocol";
import { useState } from "react";
import { describeError } from "../api/api-error";
import { fullTime, relativeTime } from "../notifications/relative-time";
import { useNow } from "../notifications/use-now";
import settings from "../settings/settings.module.css";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { LaptopIcon, PhoneIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";
import { describeUserAgent } from "./describe-user-agent";
import styles from "./security.module.css";
import { useSessions, useSignOutOtherSessions, useSignOutSession } from "./use-security";

/** Where I am signed in, this device first; sign out one, or every other one. */
export function SessionsSection() {
  const sessions = useSessions();
  const signOutOthers = useSignOutOtherSessions();
  const [confirming, setConfirming] = useState(false);
  const others = sessions.data?.filter((s) => !s.current).length ?? 0;
  return (
    <section className={settings.section} aria-labelledby="security-sessions">
      <h2 id="security-sessions" className={settings.sectionTitle}>
        Where you are signed in
      </h2>
      <p className={settings.sectionLead}>
        Each browser or app signed in to your account. Signing one out closes it there at once. Don’t
        recognise one? Sign it out and change your password.
      </p>
      <div className={`${settings.card} ${styles.stack}`}>
        {sessions.isPending ? (
          <div className={styles.empty}>
            <Spinner size={16} label="Loading your sessions" />
          </div>
        ) : sessions.isError ? (
          <div className={styles.empty} role="alert">
            Your sessions could not be loaded. {describeError(sessions.error)}{" "}
            <button type="button" className="btn btn-small" onClick={() => void sessions.refetch()}>
              Try again
            </button>
          </div>
        ) : (
          sessions.data.map((session) => <SessionRow key={session.id} session={session} />)
        )}
      </div>
      {sessions.isSuccess && (
        <div className={styles.actions} style={{ marginTop: 14 }}>
          <button
            type="button"
            className="btn btn-danger"
            disabled={others === 0}
            onClick={() => setConfirming(true)}
          >
            Sign out all other sessions
          </button>
          {others === 0 && <span className="hint">This is the only device signed in.</span>}
          {signOutOthers.isSuccess && others === 0 && (
            <span className={styles.success} role="status">
              Signed out {signOutOthers.data} other {signOutOthers.data === 1 ? "session" : "sessions"}.
            </span>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title="Sign out all other sessions?"
        confirmLabel={`Sign out ${others} ${others === 1 ? "session" : "sessions"}`}
        pending={signOutOthers.isPending}
        error={signOutOthers.isError ? describeError(signOutOthers.error) : null}
        onConfirm={() => signOutOthers.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        onClose={() => {
          setConfirming(false);
          signOutOthers.reset();
        }}
      >
        Every other browser and device signed in to your account is signed out at once. This one stays signed
        in.
      </ConfirmDialog>
    </section>
  );
}

/** "just now", "5 min ago", "3 h ago", or "on Nov 3" past a week. */
export function ago(iso: string, now: Date): string {
  const short = relativeTime(iso, now);
  if (short === "now") return "just now";
  return /^\d+ (min|h|d)$/.test(short) ? `${short} ago` : `on ${short}`;
}

function SessionRow({ session }: { session: SessionInfo }) {
  const now = useNow();
  const signOut = useSignOutSession();
  const device = describeUserAgent(session.userAgent);
  const label = `${device.browser} on ${device.os}`;
  const active = session.current ? "Active now" : `Active ${ago(session.lastUsedAt, now)}`;
  return (
    <div className={styles.row} data-testid="session-row">
      <span className={styles.deviceIcon}>{device.mobile ? <PhoneIcon /> : <LaptopIcon />}</span>
      <div className={styles.rowText}>
        <h3 className={styles.rowTitle}>
          {label}
          {session.current && <span className="badge badge-accent">This device</span>}
        </h3>
        <p className={styles.meta}>
          <span title={fullTime(session.lastUsedAt)}>{active}</span>
          {session.ip ? ` · ${session.ip}` : ""} ·{" "}
          <span title={fullTime(session.createdAt)}>Signed in {ago(session.createdAt, now)}</span>
        </p>
        {signOut.isError && (
          <p className="field-error" role="alert">
            {describeError(signOut.error)}
          </p>
        )}
      </div>
      {!session.current && (
        <button
          type="button"
          className={`btn btn-small ${styles.rowButton}`}
          disabled={signOut.isPending}
          aria-label={`Sign out ${label}`}
          onClick={() => signOut.mutate(session.id)}
        >
          {signOut.isPending ? <Spinner size={14} /> : null}
          Sign out
        </button>
      )}
    </div>
  );
}
