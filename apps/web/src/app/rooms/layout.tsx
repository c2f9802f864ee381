"use client";

import type { ReactNode } from "react";
import { SignedInShell } from "../../features/shell/signed-in-shell";

/** Everything under /rooms: signed in, connected, inside the shell. */
export default function RoomsLayout({ children }: { children: ReactNode }) {
  return <SignedInShell>{children}</SignedInShell>;
}
