"use client";

import type { SearchHit } from "@parley/protocol";
import { conversationName } from "../conversations/conversation-name";
import { formatFullDate } from "../messages/format-time";
import { RoomGlyph } from "../ui/room-glyph";
import { HighlightedText } from "./highlighted-text";
import styles from "./search.module.css";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** One result: where and by whom, when, and the matched stretch of the message. */
export function SearchResult({
  id,
  hit,
  active,
  onOpen,
  onHover,
}: {
  id: string;
  hit: SearchHit;
  active: boolean;
  onOpen: () => void;
  onHover: () => void;
}) {
  const channel = hit.room.kind === "channel";
  return (
    // The input keeps focus (combobox); the option is chosen with the arrows and Enter, or a click.
    // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard use goes through the combobox input.
    <div
      id={id}
      role="option"
      aria-selected={active}
      tabIndex={-1}
      className={styles.result}
      data-active={active || undefined}
      data-search-result
      onClick={onOpen}
      onMouseMove={onHover}
      // Keep the input's focus while choosing with the pointer.
      onMouseDown={(event) => event.preventDefault()}
    >
      <div className={styles.meta}>
        <span className={styles.room}>
          {channel && <RoomGlyph visibility="public" size={12} />}
          {channel ? hit.room.name : conversationName(hit.room)}
        </span>
        <span className={styles.author}>{hit.author.displayName}</span>
        <time className={styles.time} dateTime={hit.createdAt} title={formatFullDate(hit.createdAt)}>
          {when.format(new Date(hit.createdAt))}
        </time>
      </div>
      <p className={styles.snippet}>
        <HighlightedText snippet={hit.snippet} markClassName={styles.mark} />
      </p>
    </div>
  );
}
