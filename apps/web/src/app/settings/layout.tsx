"use client";

import type { ReactNode } from "react";
import { SettingsFrame } from "../../features/settings/settings-frame";
import { SignedInShell } from "../../features/shell/signed-in-shell";

/** /settings sits in the same shell as /rooms: the sidebar stays, live updates keep coming. */
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <SignedInShell>
      <SettingsFrame>{children}</SettingsFrame>
    </SignedInShell>
  );
}
