"use client";

import { useCallback, useSyncExternalStore } from "react";

/** How many recently used emoji the picker remembers. */
export const MAX_RECENT = 24;
const RECENT_KEY = "parley.emoji.recent";
const TONE_KEY = "parley.emoji.tone";

export interface EmojiPrefs {
  /** Most recent first; each is the exact emoji used (with its skin tone). */
  recent: string[];
  /** 0 = the default yellow, 1–5 = light → dark. */
  tone: number;
}

/** The recent list after using an emoji: it moves to the front, the list stays bounded. */
export function addRecent(recent: readonly string[], emoji: string): string[] {
  return [emoji, ...recent.filter((e) => e !== emoji)].slice(0, MAX_RECENT);
}

/** Stored values are read defensively: another version or a user may have written anything. */
export function parsePrefs(recentRaw: string | null, toneRaw: string | null): EmojiPrefs {
  let recent: string[] = [];
  try {
    const parsed: unknown = JSON.parse(recentRaw ?? "[]");
    if (Array.isArray(parsed))
      recent = parsed
        .filter((e): e is string => typeof e === "string" && e.length <= 32)
        .slice(0, MAX_RECENT);
  } catch {
    recent = [];
  }
  const tone = Number(toneRaw);
  return { recent, tone: Number.isInteger(tone) && tone >= 0 && tone <= 5 ? tone : 0 };
}

// One snapshot shared by every component (useSyncExternalStore wants the same object until it
// changes), refreshed on our own writes and on other tabs' ("storage" events).
const EMPTY: EmojiPrefs = { recent: [], tone: 0 };
let snapshot: EmojiPrefs | null = null;
const listeners = new Set<() => void>();

function read(): EmojiPrefs {
  snapshot ??= parsePrefs(safeGet(RECENT_KEY), safeGet(TONE_KEY));
  return snapshot;
}

function safeGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // Storage disabled (privacy mode): preferences last for the page only.
  }
}

function write(next: EmojiPrefs): void {
  snapshot = next;
  try {
    localStorage.setItem(RECENT_KEY, JSON.stringify(next.recent));
    localStorage.setItem(TONE_KEY, String(next.tone));
  } catch {
    // Full or disabled storage: keep the in-memory preferences.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== RECENT_KEY && event.key !== TONE_KEY) return;
    snapshot = null;
    listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** The recent emoji and skin tone, remembered in this browser. */
export function useEmojiPrefs(): EmojiPrefs & {
  remember: (emoji: string) => void;
  setTone: (tone: number) => void;
} {
  const prefs = useSyncExternalStore(subscribe, read, () => EMPTY);
  const remember = useCallback((emoji: string) => {
    const current = read();
    write({ ...current, recent: addRecent(current.recent, emoji) });
  }, []);
  const setTone = useCallback((tone: number) => write({ ...read(), tone }), []);
  return { ...prefs, remember, setTone };
}
