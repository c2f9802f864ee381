"use client";

import type { ReactNode } from "react";
import { useCurrentUser } from "../../features/auth/current-user";
import { RequireSignedIn } from "../../features/auth/require-signed-in";
import { RealtimeProvider } from "../../features/realtime/realtime-provider";
import { SettingsFrame } from "../../features/settings/settings-frame";
import { AppShell } from "../../features/shell/app-shell";

/** /settings sits in the same shell as /rooms: the sidebar stays, live updates keep coming. */
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <RequireSignedIn>
      <Connected>{children}</Connected>
    </RequireSignedIn>
  );
}

function Connected({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  return (
    <RealtimeProvider key={user.id} userId={user.id}>
      <AppShell>
        <SettingsFrame>{children}</SettingsFrame>
      </AppShell>
    </RealtimeProvider>
  );
}
