"use client";

import type { ReactNode } from "react";
import { useCurrentUser } from "../../features/auth/current-user";
import { RequireSignedIn } from "../../features/auth/require-signed-in";
import { RealtimeProvider } from "../../features/realtime/realtime-provider";
import { AppShell } from "../../features/shell/app-shell";

/**
 * /admin sits in the same shell as /rooms (sidebar, connection status, live updates). A
 * separate segment, so moving between the two opens a new socket; the query cache is kept.
 */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <RequireSignedIn>
      <Connected>{children}</Connected>
    </RequireSignedIn>
  );
}

function Connected({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  // Keyed by user: a different account in this tab gets a fresh socket and outbox.
  return (
    <RealtimeProvider key={user.id} userId={user.id}>
      <AppShell>{children}</AppShell>
    </RealtimeProvider>
  );
}
