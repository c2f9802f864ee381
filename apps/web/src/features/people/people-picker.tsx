"use client";

import type { PublicUser } from "@parley/protocol";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { describeError } from "../api/api-error";
import { useCurrentUser } from "../auth/current-user";
import { AvatarWithPresence } from "../presence/presence-dot";
import { Avatar } from "../ui/avatar";
import { CheckIcon, CloseIcon, SearchIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";
import styles from "./people.module.css";
import { peopleSearchQuery } from "./people-api";
import { canChoose, moveHighlight, togglePerson } from "./picker-selection";
import { useDebouncedValue } from "./use-debounced-value";

/** Long enough to skip the keystrokes of a word being typed, short enough to feel live. */
const SEARCH_DELAY_MS = 250;
/** The server's limit on a search (UserSearchQuery). */
const SEARCH_MAX_LENGTH = 100;

export interface PeoplePickerProps {
  /** The chosen people, in the order chosen. */
  chosen: readonly PublicUser[];
  onChange: (chosen: readonly PublicUser[]) => void;
  /** How many may be chosen; 1 is single-select (a new choice replaces the old one). */
  max: number;
  /** People listed but not choosable, with the reason shown beside them ("Already in this room"). */
  unavailable?: ReadonlyMap<string, string>;
  /** Always shown under the search box (what the choice is for). */
  hint?: string;
  /** Enter in the empty search box once someone is chosen: the dialog's main action. */
  onSubmit?: () => void;
}

/**
 * Search people by name or email (the server answers per pause in typing) and choose some as
 * removable chips. The search box is a combobox over the results (WAI-ARIA pattern): the arrow
 * keys move the highlight, Enter chooses, Backspace in the empty box removes the last chip,
 * Escape clears the text first. The signed-in user is never offered.
 */
export function PeoplePicker({ chosen, onChange, max, unavailable, hint, onSubmit }: PeoplePickerProps) {
  const me = useCurrentUser();
  const [text, setText] = useState("");
  const typed = text.trim();
  const settled = useDebouncedValue(typed, SEARCH_DELAY_MS);
  const search = useQuery({
    ...peopleSearchQuery(settled),
    enabled: settled !== "",
    // The previous results stay while the next search runs, so the list does not blink.
    placeholderData: keepPreviousData,
  });
  const [highlight, setHighlight] = useState({ text: "", index: -1 });
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const listId = useId();
  const hintId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;

  const results = typed === "" ? [] : (search.data ?? []).filter((p) => p.id !== me.id);
  const searching = typed !== "" && (typed !== settled || search.isFetching);
  const showList = results.length > 0;
  // A new search starts with its first result highlighted.
  const active =
    highlight.text === settled ? Math.min(highlight.index, results.length - 1) : showList ? 0 : -1;
  const full = max > 1 && chosen.length >= max;

  useEffect(() => {
    if (active >= 0)
      document.getElementById(`${listId}-option-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [active, listId]);

  function choose(person: PublicUser) {
    if (unavailable?.has(person.id) || !canChoose(chosen, person.id, max)) return;
    onChange(togglePerson(chosen, person, max));
    // Ready for the next name, as in a mail client's "To" field.
    setText("");
    input.current?.focus();
  }

  function remove(person: PublicUser) {
    onChange(chosen.filter((p) => p.id !== person.id));
    input.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const key = event.key;
    if (key === "ArrowDown" || key === "ArrowUp") {
      event.preventDefault();
      setHighlight({ text: settled, index: moveHighlight(active, results.length, key) });
    } else if (key === "Enter") {
      // Never the form's implicit submit: Enter chooses while a result is highlighted.
      event.preventDefault();
      const person = showList ? results[active] : undefined;
      if (person) choose(person);
      else if (typed === "" && chosen.length > 0) onSubmit?.();
    } else if (key === "Backspace" && text === "" && chosen.length > 0) {
      onChange(chosen.slice(0, -1));
    } else if (key === "Escape" && text !== "") {
      // Clear the search first; a second Escape closes the dialog.
      event.preventDefault();
      setText("");
    }
  }

  return (
    <div className={styles.picker}>
      <label className="label" htmlFor={inputId}>
        {max === 1 ? "Person" : "People"}
      </label>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a click on the box's padding focuses its input; the input itself is the keyboard path. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: see above. */}
      <div className={styles.box} onClick={() => input.current?.focus()}>
        <span className={styles.boxIcon}>
          <SearchIcon />
        </span>
        {chosen.length > 0 && (
          <ul className={styles.chips} aria-label="Chosen people">
            {chosen.map((person) => (
              <li key={person.id} className={styles.chip}>
                <Avatar userId={person.id} name={person.displayName} size={20} />
                <span className={styles.chipName}>{person.displayName}</span>
                <button
                  type="button"
                  className={styles.chipRemove}
                  aria-label={`Remove ${person.displayName}`}
                  onClick={(event) => {
                    event.stopPropagation();
                    remove(person);
                  }}
                >
                  <CloseIcon />
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          ref={input}
          id={inputId}
          className={styles.search}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={showList}
          aria-controls={listId}
          aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
          aria-describedby={hintId}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder={chosen.length > 0 ? "Add someone else…" : "Search by name or email"}
          maxLength={SEARCH_MAX_LENGTH}
          autoComplete="off"
          spellCheck={false}
          // biome-ignore lint/a11y/noAutofocus: the dialog opens to search; nothing else is in it yet.
          autoFocus
        />
        {searching && <Spinner size={16} />}
      </div>
      <p id={hintId} className={`hint ${full ? "hint-warning" : ""}`}>
        {full ? `You can choose at most ${max} people.` : hint}
      </p>
      <div className={styles.results} aria-busy={searching}>
        <div
          id={listId}
          role="listbox"
          aria-label="People found"
          aria-multiselectable={max > 1 || undefined}
          className={styles.options}
          hidden={!showList}
        >
          {results.map((person, index) => {
            const isChosen = chosen.some((p) => p.id === person.id);
            const reason = unavailable?.get(person.id);
            const disabled = reason !== undefined || !canChoose(chosen, person.id, max);
            return (
              // biome-ignore lint/a11y/useKeyWithClickEvents: keys reach options through the combobox (aria-activedescendant).
              <div
                key={person.id}
                id={optionId(index)}
                role="option"
                // Focusable only by script, never by Tab: the focus stays in the search box.
                tabIndex={-1}
                aria-selected={isChosen}
                aria-disabled={disabled || undefined}
                className={styles.option}
                data-active={index === active || undefined}
                // Keeps the focus in the search box, where the keyboard works.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(person)}
              >
                <AvatarWithPresence userId={person.id} name={person.displayName} size={32} labelled={false} />
                <span className={styles.optionName}>{person.displayName}</span>
                {reason && <span className={styles.optionNote}>{reason}</span>}
                {isChosen && (
                  <span className={styles.optionCheck}>
                    <CheckIcon />
                  </span>
                )}
              </div>
            );
          })}
        </div>
        <SearchStatus
          typed={typed}
          searching={searching}
          hasResults={showList}
          error={search.isError && !searching ? search.error : null}
          onRetry={() => void search.refetch()}
        />
      </div>
    </div>
  );
}

/** Everything the results area says when it is not a list: idle, searching, nobody, failed. */
function SearchStatus({
  typed,
  searching,
  hasResults,
  error,
  onRetry,
}: {
  typed: string;
  searching: boolean;
  hasResults: boolean;
  error: unknown;
  onRetry: () => void;
}) {
  if (error) {
    return (
      <div className="alert" role="alert">
        Could not search: {describeError(error)}{" "}
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Retry
        </button>
      </div>
    );
  }
  if (hasResults) return null;
  return (
    <div className={styles.status} role="status">
      {typed === "" ? (
        <p>Type a name or an email address to find people.</p>
      ) : searching ? (
        <p className={styles.statusRow}>
          <Spinner size={16} /> Searching…
        </p>
      ) : (
        <>
          <p className={styles.statusTitle}>No one matches “{typed}”</p>
          <p>Check the spelling, or try the start of their email address.</p>
        </>
      )}
    </div>
  );
}
