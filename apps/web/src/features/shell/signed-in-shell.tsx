"use client";

import type { ReactNode } from "react";
import { useCurrentUser } from "../auth/current-user";
import { RequireSignedIn } from "../auth/require-signed-in";
import { RealtimeProvider } from "../realtime/realtime-provider";
import { AppShell } from "./app-shell";

/**
 * What every signed-in section's layout is (/rooms, /admin, /settings): signed in, connected,
 * inside the shell (sidebar, connection status, live updates). Each section is a segment of
 * its own, so moving between them opens a new socket; the query cache is kept.
 */
export function SignedInShell({ children }: { children: ReactNode }) {
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
