"use client";

import type { AccountSecurity } from "@parley/protocol";
import settings from "../settings/settings.module.css";
import styles from "./security.module.css";
import { useSetEmailDigest } from "./use-security";

/** My email address, whether it is confirmed, and the email digest switch. */
export function EmailSection({ security }: { security: AccountSecurity }) {
  const setDigest = useSetEmailDigest();
  return (
    <section className={settings.section} aria-labelledby="security-email">
      <h2 id="security-email" className={settings.sectionTitle}>
        Email
      </h2>
      <p className={settings.sectionLead}>
        Where Parley sends password resets and, if you want it, what you missed.
      </p>
      <div className={`${settings.card} ${styles.stack}`}>
        <div className={styles.row}>
          <div className={styles.rowText}>
            <h3 className={styles.rowTitle}>
              {security.email}{" "}
              <span className={`badge ${security.emailVerified ? "badge-accent" : "badge-warning"}`}>
                {security.emailVerified ? "Confirmed" : "Not confirmed"}
              </span>
            </h3>
            <p className="hint">
              {security.emailVerified
                ? "You proved this address is yours."
                : "Open the link we emailed you to confirm it (see the reminder above to send it again)."}
            </p>
          </div>
        </div>
        <label className={styles.row}>
          <span className={styles.rowText}>
            <span className={styles.rowTitle}>Email me what I missed</span>
            <span className="hint">
              {security.emailVerified
                ? "When push notifications reach none of your devices, mentions and direct messages you have not read for a while are emailed to you — once each."
                : "Confirm your email first: digests go only to a confirmed address."}
            </span>
            {setDigest.isError && (
              <span className="field-error" role="alert">
                The setting was not saved. Try again.
              </span>
            )}
          </span>
          <input
            type="checkbox"
            role="switch"
            aria-checked={security.emailDigest}
            className={styles.switch}
            checked={security.emailDigest}
            disabled={setDigest.isPending}
            onChange={(e) => setDigest.mutate(e.target.checked)}
          />
        </label>
      </div>
    </section>
  );
}
