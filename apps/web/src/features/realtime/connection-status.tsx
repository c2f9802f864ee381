"use client";

import { useConnectionStatus } from "./realtime-context";

/** Quiet unless the socket is down. The live region stays mounted so changes are announced. */
export function ConnectionStatus({ className }: { className?: string }) {
  const status = useConnectionStatus();
  const message = status === "reconnecting" ? "Reconnecting…" : "";
  return (
    <div role="status" className={className} data-visible={message ? "true" : "false"}>
      {message}
    </div>
  );
}
