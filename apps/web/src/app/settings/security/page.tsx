"use client";

import { SecurityPage } from "../../../features/security/security-page";

/** Settings → Sign-in & security: email and its confirmation, password, sessions, email digest. */
export default function SecuritySettingsPage() {
  return <SecurityPage />;
}
