"use client";

import { SearchIcon } from "../ui/icons";
import styles from "./search.module.css";
import { useOpenSearch } from "./search-context";

/** Desktop: the search field across the top of the main pane (it opens the search dialog). */
export function SearchBar() {
  const open = useOpenSearch();
  return (
    <div className={styles.bar}>
      <button type="button" className={styles.barField} onClick={open} aria-haspopup="dialog">
        <SearchIcon />
        <span>Search messages</span>
        <kbd className={styles.kbd}>Ctrl K</kbd>
      </button>
    </div>
  );
}

/** Phones: an icon in the room's header that opens the search full screen. */
export function SearchButton({ className }: { className?: string }) {
  const open = useOpenSearch();
  return (
    <button
      type="button"
      className={`btn ${styles.phoneButton} ${className ?? ""}`}
      aria-label="Search messages"
      aria-haspopup="dialog"
      onClick={open}
    >
      <SearchIcon />
    </button>
  );
}
