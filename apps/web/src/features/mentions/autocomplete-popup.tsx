"use client";

import type { ReactNode } from "react";
import styles from "./mentions.module.css";
import { type Autocomplete, autocompleteOptionId } from "./use-autocomplete";

/** A completion list above the composer: a listbox the textarea controls (mentions, emoji). */
export function AutocompletePopup<C>({
  autocomplete,
  listId,
  heading,
  label,
  empty,
  keyOf,
  children,
}: {
  autocomplete: Autocomplete<C>;
  listId: string;
  heading: string;
  /** The listbox's accessible name. */
  label: string;
  /** Shown when nothing matches. */
  empty: string;
  keyOf: (choice: C) => string;
  /** One choice's content. */
  children: (choice: C) => ReactNode;
}) {
  const { open, choices, active, choose } = autocomplete;
  if (!open) return null;
  return (
    <div className={styles.popup}>
      <div className={styles.heading}>{heading}</div>
      {choices.length === 0 ? (
        <div className={styles.empty}>{empty}</div>
      ) : (
        <div role="listbox" id={listId} aria-label={label}>
          {choices.map((choice, i) => (
            // The keyboard drives this list through the textarea (aria-activedescendant).
            // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the textarea.
            <div
              key={keyOf(choice)}
              id={autocompleteOptionId(listId, i)}
              role="option"
              aria-selected={i === active}
              tabIndex={-1}
              className={styles.option}
              // Keep the textarea's focus (and caret) while choosing with the pointer.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(choice)}
            >
              {children(choice)}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
