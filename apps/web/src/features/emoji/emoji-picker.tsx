"use client";

import { type KeyboardEvent, useDeferredValue, useMemo, useRef, useState } from "react";
import styles from "./emoji.module.css";
import { type Emoji, type EmojiIndex, searchEmoji, withTone } from "./emoji-index";
import { useEmojiPrefs } from "./emoji-prefs";
import { useEmojiIndex } from "./use-emoji-index";

/** Emojibase's groups (2, "components", is left out of the table), with a tab icon each. */
const GROUPS: ReadonlyArray<{ id: number; name: string; icon: string }> = [
  { id: 0, name: "Smileys & emotion", icon: "😀" },
  { id: 1, name: "People & body", icon: "👋" },
  { id: 3, name: "Animals & nature", icon: "🐻" },
  { id: 4, name: "Food & drink", icon: "🍔" },
  { id: 5, name: "Travel & places", icon: "✈️" },
  { id: 6, name: "Activities", icon: "⚽" },
  { id: 7, name: "Objects", icon: "💡" },
  { id: 8, name: "Symbols", icon: "❤️" },
  { id: 9, name: "Flags", icon: "🏁" },
];

const TONES = ["Default", "Light", "Medium-light", "Medium", "Medium-dark", "Dark"];
const TONE_SWATCH = ["✋", "✋🏻", "✋🏼", "✋🏽", "✋🏾", "✋🏿"];
/** Buttons per row in the grid (the arrow keys move by it). */
const COLUMNS = 8;

/**
 * The emoji picker panel: search (by shortcode, name or keyword), recently used, every group
 * with a tab to jump to it, and a skin tone choice. Recent emoji and the tone are remembered in
 * this browser (emoji-prefs.ts).
 */
export function EmojiPicker({ onPick, onClose }: { onPick: (emoji: string) => void; onClose: () => void }) {
  const index = useEmojiIndex();
  const { recent, tone, remember, setTone } = useEmojiPrefs();
  const [search, setSearch] = useState("");
  const deferredSearch = useDeferredValue(search);
  const [preview, setPreview] = useState<Emoji | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  const results = useMemo(
    () => (index && deferredSearch.trim() ? searchEmoji(index, deferredSearch, 120) : null),
    [index, deferredSearch],
  );

  function pick(emoji: string) {
    remember(emoji);
    onPick(emoji);
  }

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      const first = results?.[0];
      if (first) pick(withTone(first, tone));
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      scroller.current?.querySelector<HTMLButtonElement>("button[data-emoji]")?.focus();
    }
  }

  // Arrow keys move between emoji (the grid is one tab stop, like a toolbar).
  function onGridKey(event: KeyboardEvent<HTMLDivElement>) {
    const steps: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -COLUMNS,
      ArrowDown: COLUMNS,
    };
    const step = steps[event.key];
    if (step === undefined || !scroller.current) return;
    const buttons = [...scroller.current.querySelectorAll<HTMLButtonElement>("button[data-emoji]")];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    buttons[Math.min(buttons.length - 1, Math.max(0, at + step))]?.focus();
  }

  function jumpTo(group: number) {
    setSearch("");
    requestAnimationFrame(() =>
      scroller.current?.querySelector(`[data-group="${group}"]`)?.scrollIntoView({ block: "start" }),
    );
  }

  return (
    <div
      className={styles.picker}
      role="dialog"
      aria-label="Emoji picker"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className={styles.pickerTop}>
        <input
          className={`input ${styles.search}`}
          type="search"
          placeholder="Search emoji"
          aria-label="Search emoji"
          value={search}
          // biome-ignore lint/a11y/noAutofocus: the picker was just opened to type in it.
          autoFocus
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={onSearchKey}
        />
      </div>
      <div className={styles.tabs} role="toolbar" aria-label="Emoji groups">
        {GROUPS.map((group) => (
          <button
            key={group.id}
            type="button"
            className={styles.tab}
            title={group.name}
            aria-label={group.name}
            onClick={() => jumpTo(group.id)}
          >
            {group.icon}
          </button>
        ))}
      </div>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: arrow keys move focus between its buttons. */}
      <div className={styles.grid} ref={scroller} onKeyDown={onGridKey}>
        {!index ? (
          <p className={styles.note}>Loading emoji…</p>
        ) : results ? (
          results.length === 0 ? (
            <p className={styles.note}>No emoji match “{deferredSearch.trim()}”</p>
          ) : (
            <Section title="Search results" emoji={results} tone={tone} onPick={pick} onFocus={setPreview} />
          )
        ) : (
          <>
            {recent.length > 0 && (
              <RecentSection recent={recent} index={index} onPick={pick} onFocus={setPreview} />
            )}
            {GROUPS.map((group) => (
              <Section
                key={group.id}
                group={group.id}
                title={group.name}
                emoji={index.all.filter((e) => e.group === group.id)}
                tone={tone}
                onPick={pick}
                onFocus={setPreview}
              />
            ))}
          </>
        )}
      </div>
      <div className={styles.pickerFoot}>
        <span className={styles.preview} aria-live="polite">
          {preview ? (
            <>
              <span className={styles.previewEmoji} aria-hidden="true">
                {withTone(preview, tone)}
              </span>
              <span className={styles.previewName}>
                {preview.shortcodes[0] ? `:${preview.shortcodes[0]}:` : preview.label}
              </span>
            </>
          ) : (
            <span className={styles.previewName}>Pick an emoji</span>
          )}
        </span>
        <fieldset className={styles.tones}>
          <legend className="visually-hidden">Skin tone</legend>
          {TONES.map((name, i) => (
            <button
              key={name}
              type="button"
              className={styles.tone}
              aria-pressed={tone === i}
              aria-label={`${name} skin tone`}
              title={`${name} skin tone`}
              onClick={() => setTone(i)}
            >
              {TONE_SWATCH[i]}
            </button>
          ))}
        </fieldset>
      </div>
    </div>
  );
}

function RecentSection({
  recent,
  index,
  onPick,
  onFocus,
}: {
  recent: string[];
  index: EmojiIndex;
  onPick: (emoji: string) => void;
  onFocus: (emoji: Emoji) => void;
}) {
  // Recents keep the exact variant used; unknown ones (from a newer table) are skipped.
  const known = recent.flatMap((emoji) => {
    const base = index.byEmoji.get(emoji);
    return base ? [{ emoji, base }] : [];
  });
  if (known.length === 0) return null;
  return (
    <section className={styles.section} aria-label="Recently used">
      <h3 className={styles.sectionTitle}>Recently used</h3>
      <div className={styles.cells}>
        {known.map(({ emoji, base }) => (
          <EmojiButton key={emoji} emoji={emoji} base={base} onPick={onPick} onFocus={onFocus} />
        ))}
      </div>
    </section>
  );
}

function Section({
  title,
  group,
  emoji,
  tone,
  onPick,
  onFocus,
}: {
  title: string;
  group?: number;
  emoji: Emoji[];
  tone: number;
  onPick: (emoji: string) => void;
  onFocus: (emoji: Emoji) => void;
}) {
  return (
    <section className={styles.section} aria-label={title} data-group={group}>
      <h3 className={styles.sectionTitle}>{title}</h3>
      <div className={styles.cells}>
        {emoji.map((e) => (
          <EmojiButton key={e.emoji} emoji={withTone(e, tone)} base={e} onPick={onPick} onFocus={onFocus} />
        ))}
      </div>
    </section>
  );
}

function EmojiButton({
  emoji,
  base,
  onPick,
  onFocus,
}: {
  emoji: string;
  base: Emoji;
  onPick: (emoji: string) => void;
  onFocus: (emoji: Emoji) => void;
}) {
  return (
    <button
      type="button"
      className={styles.cell}
      data-emoji={emoji}
      title={base.label}
      aria-label={base.label}
      tabIndex={-1}
      onClick={() => onPick(emoji)}
      onFocus={() => onFocus(base)}
      onMouseEnter={() => onFocus(base)}
    >
      {emoji}
    </button>
  );
}
