import type { EmojiRow } from "./build-emoji-data";

export interface Emoji {
  emoji: string;
  label: string;
  shortcodes: string[];
  group: number;
  tags: string[];
  /** The five skin-tone variants, light → dark (people and hands). */
  skins?: string[];
}

/** The emoji table with its lookups. */
export interface EmojiIndex {
  all: Emoji[];
  byShortcode: Map<string, Emoji>;
  /** The emoji whose variants include this one, to find its base (recents keep the variant). */
  byEmoji: Map<string, Emoji>;
}

export function buildIndex(rows: readonly EmojiRow[]): EmojiIndex {
  const all = rows.map(
    ([emoji, label, codes, group, tags, skins]): Emoji => ({
      emoji,
      label,
      shortcodes: codes ? codes.split(" ") : [],
      group,
      tags: tags ? tags.split(" ") : [],
      ...(skins ? { skins } : {}),
    }),
  );
  const byShortcode = new Map<string, Emoji>();
  const byEmoji = new Map<string, Emoji>();
  for (const e of all) {
    for (const code of e.shortcodes) if (!byShortcode.has(code)) byShortcode.set(code, e);
    byEmoji.set(e.emoji, e);
    for (const skin of e.skins ?? []) byEmoji.set(skin, e);
  }
  return { all, byShortcode, byEmoji };
}

/**
 * Emoji matching a search: shortcodes starting with the text first, then labels and tags with
 * a word starting with it; shortcodes containing it only when neither matched. Empty text
 * matches nothing.
 */
export function searchEmoji(index: EmojiIndex, text: string, limit = 50): Emoji[] {
  const q = text.trim().toLowerCase().replace(/^:|:$/g, "");
  if (!q) return [];
  const tiers: Emoji[][] = [[], [], []];
  for (const e of index.all) {
    if (e.shortcodes.some((c) => c.startsWith(q))) tiers[0]?.push(e);
    else if (startsAWord(e.label, q) || e.tags.some((t) => t.startsWith(q))) tiers[1]?.push(e);
    else if (e.shortcodes.some((c) => c.includes(q))) tiers[2]?.push(e);
  }
  const [prefix = [], words = [], inside = []] = tiers;
  // Shortcodes merely containing the text ("lithuania" for "thu") only when nothing better matched.
  const found = prefix.length + words.length > 0 ? [...prefix, ...words] : inside;
  return found.slice(0, limit);
}

/** Whether some word of the text starts the query ("thumbs up" for "up", "thumbs u"). */
function startsAWord(text: string, query: string): boolean {
  const words = ` ${text.toLowerCase().replace(/[:,-]/g, " ")}`;
  return words.includes(` ${query}`);
}

/** The shortcode to show for a choice: the one the typed text starts, else its first. */
export function shortcodeFor(e: Emoji, typed = ""): string | undefined {
  const q = typed.toLowerCase();
  return e.shortcodes.find((c) => c.startsWith(q)) ?? e.shortcodes[0];
}

/** The variant for a skin tone (0 = none, 1–5 light → dark) when the emoji has tones. */
export function withTone(e: Emoji, tone: number): string {
  return (tone > 0 && e.skins?.[tone - 1]) || e.emoji;
}

let loading: Promise<EmojiIndex> | undefined;

/**
 * The emoji table, downloaded once (its own chunk, ~53 kB gzipped) the first time the composer
 * needs it: the message list never pays for it.
 */
export function loadEmojiIndex(): Promise<EmojiIndex> {
  loading ??= import("./emoji-data.json").then((m) => buildIndex(m.default as EmojiRow[]));
  // A failed download is retried on the next call rather than remembered.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
