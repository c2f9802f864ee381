"use client";

import type { ReactNode } from "react";
import { SignedInShell } from "../../features/shell/signed-in-shell";

/** /admin sits in the same shell as /rooms (sidebar, connection status, live updates). */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return <SignedInShell>{children}</SignedInShell>;
}
