"use client";

import { useOnline } from "../realtime/use-online";
import styles from "./pwa.module.css";

export const SAVED_COPY_TEXT = "Offline — showing the rooms saved on this device";

/**
 * Phones only (CSS): on the rooms list the main pane, with its connection status, is hidden,
 * so the sidebar says itself that what it lists is a saved copy, not live.
 */
export function OfflineNotice() {
  const online = useOnline();
  return (
    <div role="status" className={styles.offline} data-visible={online ? "false" : "true"}>
      {online ? "" : SAVED_COPY_TEXT}
    </div>
  );
}
