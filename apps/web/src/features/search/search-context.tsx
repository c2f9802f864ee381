"use client";

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { SearchDialog } from "./search-dialog";

const OpenSearchContext = createContext<(() => void) | null>(null);

/** Opens the message search (from the desktop bar, a phone's header icon, or Ctrl/⌘+K). */
export function useOpenSearch(): () => void {
  const open = useContext(OpenSearchContext);
  if (!open) throw new Error("useOpenSearch outside SearchProvider");
  return open;
}

/** Owns the search dialog: one for the whole app, so its text and filters survive a close. */
export function SearchProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const show = useCallback(() => setOpen(true), []);
  const hide = useCallback(() => setOpen(false), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  const value = useMemo(() => show, [show]);
  return (
    <OpenSearchContext.Provider value={value}>
      {children}
      <SearchDialog open={open} onClose={hide} />
    </OpenSearchContext.Provider>
  );
}
