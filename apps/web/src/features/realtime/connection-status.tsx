"use client";

import { useConnectionStatus } from "./realtime-context";
import { useOnline } from "./use-online";

export const OFFLINE_TEXT = "Offline — messages will be sent when you reconnect";

/** Quiet unless the socket is down. The live region stays mounted so changes are announced. */
export function ConnectionStatus({ className }: { className?: string }) {
  const status = useConnectionStatus();
  const online = useOnline();
  const down = status === "connecting" || status === "reconnecting";
  // A first attempt is not worth a word (it takes a moment); being offline always is.
  const message = down && !online ? OFFLINE_TEXT : status === "reconnecting" ? "Reconnecting…" : "";
  return (
    <div role="status" className={className} data-visible={message ? "true" : "false"}>
      {message}
    </div>
  );
}
