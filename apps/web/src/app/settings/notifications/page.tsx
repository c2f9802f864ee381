"use client";

import { PushSettings } from "../../../features/push/push-settings";

/** Settings → Notifications: push on this device, previews, a test, and my devices. */
export default function NotificationSettingsPage() {
  return <PushSettings />;
}
