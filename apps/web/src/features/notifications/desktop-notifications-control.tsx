"use client";

import { useState } from "react";
import { requestDesktopPermission, setTurnedOff, useDesktopSetting } from "./desktop-permission";
import { type DesktopAction, desktopSettingView } from "./desktop-setting";
import { BellIcon, BellOffIcon } from "./notification-icons";
import styles from "./notifications.module.css";

const STATE_LABEL = { on: "On", off: "Off", blocked: "Blocked", unavailable: "Unavailable" } as const;

/** The opt-in for desktop notifications in this browser, with the permission's state. */
export function DesktopNotificationsControl() {
  const setting = useDesktopSetting();
  const view = desktopSettingView(setting);
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function act(kind: DesktopAction) {
    setFailure(null);
    if (kind === "turn-off") return setTurnedOff(true);
    if (kind === "turn-on") return setTurnedOff(false);
    setAsking(true);
    try {
      await requestDesktopPermission();
    } catch {
      setFailure(
        "The browser did not ask for permission. Try again, or allow notifications in its site settings.",
      );
    } finally {
      setAsking(false);
    }
  }

  return (
    <section className={styles.desktop} data-state={view.state} aria-labelledby="desktop-notifications-title">
      <span className={styles.desktopIcon}>{view.state === "on" ? <BellIcon /> : <BellOffIcon />}</span>
      <div className={styles.desktopText}>
        <h2 id="desktop-notifications-title" className={styles.desktopTitle}>
          Desktop notifications{" "}
          <span
            className={`badge ${view.state === "on" ? "badge-accent" : view.state === "blocked" ? "badge-warning" : ""}`}
          >
            {STATE_LABEL[view.state]}
          </span>
        </h2>
        <p className={styles.desktopHint}>{view.text}</p>
        {failure && (
          <p className="field-error" role="alert">
            {failure}
          </p>
        )}
      </div>
      {view.action && (
        <button
          type="button"
          className={`btn btn-small ${view.action.kind === "request" ? "btn-primary" : ""}`}
          disabled={asking}
          onClick={() => void act(view.action?.kind ?? "request")}
        >
          {view.action.label}
        </button>
      )}
    </section>
  );
}
