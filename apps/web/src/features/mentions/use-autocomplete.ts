"use client";

import { type KeyboardEvent, useCallback, useMemo, useState } from "react";

/** A completion in the composer: what the popup shows and how the keyboard drives it. */
export interface Autocomplete<C> {
  /** The choices shown now. */
  choices: C[];
  /** Whether a query is being typed (the popup shows, with a hint when nothing matches). */
  open: boolean;
  /** The text typed after the trigger ("an" of "@an"), or "" when closed. */
  typed: string;
  active: number;
  /** Call with the textarea after every change of text or caret. */
  track: (el: HTMLTextAreaElement) => void;
  /** Call first in the textarea's keydown; true when the key was used by the popup. */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  choose: (choice: C) => void;
  close: () => void;
}

export interface AutocompleteSource<Q extends { start: number; text: string }, C> {
  /** The query being typed at the caret ("@an", ":smi"), or null. Stable (module function). */
  queryAt: (text: string, caret: number) => Q | null;
  /** The choices for a query (memoise it: it is a dependency). */
  choicesFor: (query: Q) => C[];
  /** The text with the query replaced by the choice, and the caret after it. */
  apply: (text: string, query: Q, caret: number, choice: C) => { text: string; caret: number };
}

/**
 * The keyboard and state of a composer completion (mentions, emoji shortcodes): the fragment
 * at the caret is turned into choices; arrows move, Enter or Tab choose, Escape closes (and
 * stays closed for that fragment).
 */
export function useAutocomplete<Q extends { start: number; text: string }, C>(
  source: AutocompleteSource<Q, C>,
  textarea: () => HTMLTextAreaElement | null,
  setBody: (text: string) => void,
): Autocomplete<C> {
  const { queryAt, choicesFor, apply } = source;
  const [query, setQuery] = useState<(Q & { caret: number }) | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [active, setActive] = useState(0);

  const choices = useMemo(() => (query ? choicesFor(query) : []), [query, choicesFor]);

  const track = useCallback(
    (el: HTMLTextAreaElement) => {
      const caret = el.selectionStart ?? el.value.length;
      const found = el.selectionStart === el.selectionEnd ? queryAt(el.value, caret) : null;
      if (found && found.start === dismissedAt) return setQuery(null);
      if (found?.start !== query?.start || found?.text !== query?.text) setActive(0);
      setQuery(found ? { ...found, caret } : null);
      if (!found) setDismissedAt(null);
    },
    [dismissedAt, query, queryAt],
  );

  const close = useCallback(() => {
    if (query) setDismissedAt(query.start);
    setQuery(null);
  }, [query]);

  const choose = useCallback(
    (choice: C) => {
      const el = textarea();
      if (!el || !query) return;
      const next = apply(el.value, query, query.caret, choice);
      setBody(next.text);
      setQuery(null);
      // After React has written the new value: put the caret after the inserted text (unless
      // more was typed in between: then the browser's caret is the right one).
      requestAnimationFrame(() => {
        el.focus();
        if (el.value === next.text) el.setSelectionRange(next.caret, next.caret);
      });
    },
    [query, setBody, textarea, apply],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
      if (!query) return false;
      if (event.key === "Escape") {
        event.preventDefault();
        close();
        return true;
      }
      if (choices.length === 0) return false;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((i) => (i + step + choices.length) % choices.length);
        return true;
      }
      if ((event.key === "Enter" && !event.shiftKey) || event.key === "Tab") {
        const choice = choices[active];
        if (choice === undefined) return false;
        event.preventDefault();
        choose(choice);
        return true;
      }
      return false;
    },
    [query, choices, active, choose, close],
  );

  return { choices, open: query !== null, typed: query?.text ?? "", active, track, onKeyDown, choose, close };
}

/** The textarea's combobox attributes for whichever completion is showing choices. */
export function comboboxAria(
  ...completions: Array<{ autocomplete: Pick<Autocomplete<unknown>, "choices" | "active">; listId: string }>
): { "aria-controls"?: string; "aria-activedescendant"?: string } {
  const shown = completions.find((c) => c.autocomplete.choices.length > 0);
  if (!shown) return {};
  return {
    "aria-controls": shown.listId,
    "aria-activedescendant": autocompleteOptionId(shown.listId, shown.autocomplete.active),
  };
}

export function autocompleteOptionId(listId: string, index: number): string {
  return `${listId}-${index}`;
}
