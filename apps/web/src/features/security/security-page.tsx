"use client";

import { describeError } from "../api/api-error";
import settings from "../settings/settings.module.css";
import { Spinner } from "../ui/spinner";
import { EmailSection } from "./email-section";
import { PasswordSection } from "./password-section";
import styles from "./security.module.css";
import { SessionsSection } from "./sessions-section";
import { useAccountSecurity } from "./use-security";
import { VerifyEmailBanner } from "./verify-email-banner";

/** Settings → Sign-in & security: email, password, where I am signed in. */
export function SecurityPage() {
  const security = useAccountSecurity();
  if (security.isPending) {
    return (
      <div className={settings.card}>
        <Spinner size={16} label="Loading your settings" />
      </div>
    );
  }
  if (security.isError) {
    return (
      <div className={`${settings.card} ${styles.actions}`} role="alert">
        Your settings could not be loaded. {describeError(security.error)}
        <button type="button" className="btn btn-small" onClick={() => void security.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <>
      <VerifyEmailBanner />
      <EmailSection security={security.data} />
      <PasswordSection security={security.data} />
      <SessionsSection />
    </>
  );
}
