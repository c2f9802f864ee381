"use client";

import { usePathname } from "next/navigation";
import { type ReactNode, useCallback, useRef, useState } from "react";
import { RemovalToasts } from "../moderation/removal-toasts";
import { useUnreadTotal } from "../reading/use-read-state";
import { ConnectionStatus } from "../realtime/connection-status";
import { CreateRoomDialog } from "../rooms/create-room-dialog";
import { Sidebar } from "../rooms/sidebar";
import { SearchBar } from "../search/search-bar";
import { SearchProvider } from "../search/search-context";
import { useTitleBadge } from "../ui/use-document-title";
import styles from "./app-shell.module.css";
import { CreateRoomContext } from "./create-room-context";
import { useEdgeSwipeBack } from "./use-edge-swipe-back";

/** Sidebar and main pane; on phones only one of them shows (see the CSS). */
export function AppShell({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [creating, setCreating] = useState(false);
  const openCreate = useCallback(() => setCreating(true), []);
  const pane = pathname === "/rooms" ? "list" : "main";
  useTitleBadge(useUnreadTotal());
  const shellRef = useRef<HTMLDivElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  useEdgeSwipeBack(shellRef, mainRef);

  return (
    <CreateRoomContext.Provider value={openCreate}>
      <SearchProvider>
        <div className={styles.shell} data-pane={pane} ref={shellRef}>
          <div className={styles.sidebar}>
            <Sidebar />
          </div>
          <main className={styles.main} ref={mainRef}>
            <SearchBar />
            <ConnectionStatus className={styles.status} />
            <RemovalToasts />
            {children}
          </main>
        </div>
        <CreateRoomDialog open={creating} onClose={() => setCreating(false)} />
      </SearchProvider>
    </CreateRoomContext.Provider>
  );
}
