"use client";

import { describeError } from "../api/api-error";
import styles from "./security.module.css";
import { useAccountSecurity, useResendVerification } from "./use-security";

/**
 * A quiet reminder while the email is unconfirmed, with "Resend". Confirming never blocks the
 * app; it makes the address usable for the digest and proves it for account recovery.
 */
export function VerifyEmailBanner() {
  const security = useAccountSecurity();
  const resend = useResendVerification();
  if (!security.data || security.data.emailVerified) return null;
  return (
    <div className={styles.banner} role="status">
      <p className={styles.bannerText}>
        <strong>Confirm your email.</strong>{" "}
        {resend.isSuccess
          ? `We sent a new link to ${security.data.email}.`
          : `We sent a link to ${security.data.email} when you signed up.`}
        {resend.isError && (
          <span className="field-error" role="alert">
            {" "}
            {describeError(resend.error)}
          </span>
        )}
      </p>
      <button
        type="button"
        className="btn btn-small"
        disabled={resend.isPending || resend.isSuccess}
        onClick={() => resend.mutate()}
      >
        {resend.isSuccess ? "Sent" : "Resend"}
      </button>
    </div>
  );
}
