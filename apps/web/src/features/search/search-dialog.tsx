"use client";

import { useEffect, useId, useRef, useState } from "react";
import styles from "./search.module.css";
import { SearchPanel } from "./search-panel";
import { NO_FILTERS, type SearchFilters } from "./search-params";

/**
 * The search, in a native modal <dialog> (focus stays inside; Escape closes): a panel near the
 * top of the window on a desktop, the whole screen on a phone (see the CSS).
 */
export function SearchDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Here rather than in the panel: the text and filters are still there when it opens again.
  const [filters, setFilters] = useState<SearchFilters>({ ...NO_FILTERS, q: "" });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      // A click on the backdrop (the dialog element itself, outside the panel) closes it.
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
        }
      }}
    >
      {open && <SearchPanel titleId={titleId} filters={filters} onChange={setFilters} onClose={onClose} />}
    </dialog>
  );
}
