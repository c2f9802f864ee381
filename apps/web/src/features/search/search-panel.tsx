"use client";

import type { SearchHit } from "@parley/protocol";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { describeError } from "../api/api-error";
import { useCurrentUser } from "../auth/current-user";
import { conversationName } from "../conversations/conversation-name";
import { messageHref } from "../notifications/notification-text";
import { useDebouncedValue } from "../people/use-debounced-value";
import { myRoomsQuery } from "../rooms/room-queries";
import { ArrowLeftIcon, CloseIcon, SearchIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";
import styles from "./search.module.css";
import { searchQuery } from "./search-api";
import { activeFilterCount, NO_FILTERS, type SearchFilters, searchParams } from "./search-params";
import { SearchResult } from "./search-result";

/** Wait this long after the last key before searching. */
const DEBOUNCE_MS = 250;

/**
 * The search box, its filters and the results as you type (debounced; a superseded search
 * is cancelled). Arrow keys move through the results, Enter opens one at its message, Escape
 * closes (the dialog handles it).
 */
export function SearchPanel({
  titleId,
  filters,
  onChange,
  onClose,
}: {
  titleId: string;
  filters: SearchFilters;
  onChange: (filters: SearchFilters) => void;
  onClose: () => void;
}) {
  const router = useRouter();
  const me = useCurrentUser();
  const rooms = useQuery(myRoomsQuery).data;
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(0);

  const settled = useDebouncedValue(filters, DEBOUNCE_MS);
  const params = useMemo(() => searchParams(settled), [settled]);
  const typing = searchParams(filters)?.toString() !== params?.toString();
  const results = useInfiniteQuery({
    ...searchQuery(params ?? new URLSearchParams()),
    enabled: params !== null,
  });
  const hits = useMemo(() => results.data?.pages.flatMap((p) => p.results) ?? [], [results.data]);
  // A new search starts at its first result.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the search changes, not the list.
  useEffect(() => setActive(0), [params?.toString()]);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  const set = (patch: Partial<SearchFilters>) => onChange({ ...filters, ...patch });
  const open = (hit: SearchHit) => {
    onClose();
    router.push(messageHref(hit.room.id, hit.seq));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" && hits.length > 0) {
      event.preventDefault();
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (event.key === "ArrowUp" && hits.length > 0) {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const hit = hits[active];
      if (hit && !typing) open(hit);
    }
  };
  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [active, listId]);

  // People to filter by: me, the people of my conversations, and whoever wrote what was found.
  const people = useMemo(() => {
    const byId = new Map<string, string>();
    for (const room of rooms ?? []) for (const p of room.people) byId.set(p.id, p.displayName);
    for (const hit of hits) byId.set(hit.author.id, hit.author.displayName);
    byId.delete(me.id);
    return [...byId].sort((a, b) => a[1].localeCompare(b[1]));
  }, [rooms, hits, me.id]);
  const filterCount = activeFilterCount(filters);
  const activeId = hits[active] ? `${listId}-${active}` : undefined;

  return (
    <div className={styles.panel}>
      <h2 id={titleId} className="visually-hidden">
        Search messages
      </h2>
      <div className={styles.inputRow}>
        <button type="button" className={styles.back} aria-label="Close search" onClick={onClose}>
          <ArrowLeftIcon />
        </button>
        <span className={styles.inputIcon}>
          <SearchIcon />
        </span>
        <input
          ref={inputRef}
          className={styles.input}
          type="search"
          role="combobox"
          aria-label="Search messages"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-autocomplete="list"
          placeholder="Search messages — words or parts of words"
          value={filters.q}
          maxLength={200}
          onChange={(event) => set({ q: event.target.value })}
          onKeyDown={onKeyDown}
        />
        {(results.isFetching || typing) && params !== null && <Spinner size={16} />}
        <button type="button" className={styles.close} aria-label="Close search" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <fieldset className={styles.filters}>
        <legend className="visually-hidden">Filters</legend>
        <label className={styles.filter}>
          <span>In</span>
          <select value={filters.roomId} onChange={(e) => set({ roomId: e.target.value })}>
            <option value="">All my rooms</option>
            {(rooms ?? []).map((room) => (
              <option key={room.id} value={room.id}>
                {room.kind === "channel" ? `#${room.name}` : conversationName(room)}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.filter}>
          <span>From</span>
          <select value={filters.from} onChange={(e) => set({ from: e.target.value })}>
            <option value="">Anyone</option>
            <option value={me.id}>Me</option>
            {people.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.filter}>
          <span>After</span>
          <input
            type="date"
            value={filters.fromDate}
            max={filters.toDate || undefined}
            onChange={(e) => set({ fromDate: e.target.value })}
          />
        </label>
        <label className={styles.filter}>
          <span>Before</span>
          <input
            type="date"
            value={filters.toDate}
            min={filters.fromDate || undefined}
            onChange={(e) => set({ toDate: e.target.value })}
          />
        </label>
        <label className={styles.filter}>
          <input
            type="checkbox"
            checked={filters.hasFile}
            onChange={(e) => set({ hasFile: e.target.checked })}
          />
          <span>Has a file</span>
        </label>
        {filterCount > 0 && (
          <button
            type="button"
            className={styles.clear}
            onClick={() => onChange({ ...filters, ...NO_FILTERS })}
          >
            Clear filters
          </button>
        )}
      </fieldset>
      <div className={styles.results} aria-live="polite" aria-busy={results.isFetching}>
        {params === null ? (
          <div className={styles.state}>
            <p className={styles.stateTitle}>Search the messages of your rooms</p>
            <p>
              Type a word or any part of one — a name, a link, a number. Only rooms you are in are searched.
            </p>
          </div>
        ) : results.isPending ? (
          <div className={styles.state}>
            <Spinner label="Searching" />
            <p>Searching…</p>
          </div>
        ) : results.isError ? (
          <div className={styles.state} role="alert">
            <p className={styles.stateTitle}>Search failed</p>
            <p>{describeError(results.error)}</p>
            <button type="button" className="btn" onClick={() => void results.refetch()}>
              Try again
            </button>
          </div>
        ) : hits.length === 0 ? (
          <div className={styles.state}>
            <p className={styles.stateTitle}>No messages match “{params.get("q")}”</p>
            <p>
              {filterCount > 0
                ? "Try fewer filters, or another word."
                : "Try another word or a shorter part of one. Only rooms you are in are searched."}
            </p>
          </div>
        ) : (
          <>
            <div id={listId} role="listbox" aria-label="Results" className={styles.list}>
              {hits.map((hit, index) => (
                <SearchResult
                  key={hit.messageId}
                  id={`${listId}-${index}`}
                  hit={hit}
                  active={index === active}
                  onOpen={() => open(hit)}
                  onHover={() => setActive(index)}
                />
              ))}
            </div>
            {results.hasNextPage && (
              <div className={styles.more}>
                <button
                  type="button"
                  className="btn"
                  disabled={results.isFetchingNextPage}
                  onClick={() => void results.fetchNextPage()}
                >
                  {results.isFetchingNextPage ? "Loading…" : "Older results"}
                </button>
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}
