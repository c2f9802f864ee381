import compact from "emojibase-data/en/compact.json" with { type: "json" };
import emojibaseCodes from "emojibase-data/en/shortcodes/emojibase.json" with { type: "json" };
import githubCodes from "emojibase-data/en/shortcodes/github.json" with { type: "json" };

/**
 * One emoji as the client ships it: [emoji, label, shortcodes (space-separated), group,
 * search tags (space-separated), the five skin-tone variants (light → dark) when it has them].
 * Tuples, not objects: the table is ~1,900 rows and is downloaded when the composer first needs it.
 */
export type EmojiRow =
  | [string, string, string, number, string]
  | [string, string, string, number, string, string[]];

/** Emojibase's "component" group: bare skin tones and hair styles, not emoji to pick. */
const COMPONENT_GROUP = 2;
const TONES = ["1F3FB", "1F3FC", "1F3FD", "1F3FE", "1F3FF"];

function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * The client's emoji table, built from emojibase-data (the package is the source; run
 * `npx tsx apps/web/src/features/emoji/write-emoji-data.ts` after upgrading it — a unit test
 * fails while the committed table is stale). Shortcodes are GitHub's/Slack's (`:smile:` 😄),
 * with emojibase's own for the newer emoji GitHub has none for.
 */
export function buildEmojiData(): EmojiRow[] {
  const github = githubCodes as Record<string, string | string[]>;
  const emojibase = emojibaseCodes as Record<string, string | string[]>;
  const rows: EmojiRow[] = [];
  for (const emoji of compact) {
    if (emoji.group === undefined || emoji.group === COMPONENT_GROUP) continue;
    const codes = list(github[emoji.hexcode]);
    const shortcodes = codes.length > 0 ? codes : list(emojibase[emoji.hexcode]);
    const row: EmojiRow = [
      emoji.unicode,
      emoji.label,
      shortcodes.join(" "),
      emoji.group,
      (emoji.tags ?? []).join(" "),
    ];
    const skins = uniformSkins(emoji.skins ?? []);
    rows.push(skins ? [...row, skins] : row);
  }
  return rows;
}

/** The five variants where every person has the same tone, in tone order (or none). */
function uniformSkins(skins: ReadonlyArray<{ hexcode: string; unicode: string }>): string[] | null {
  const byTone = new Map<string, string>();
  for (const skin of skins) {
    const tones = new Set(skin.hexcode.split("-").filter((code) => TONES.includes(code)));
    const [tone] = tones;
    if (tones.size === 1 && tone && !byTone.has(tone)) byTone.set(tone, skin.unicode);
  }
  const ordered = TONES.map((tone) => byTone.get(tone));
  return ordered.every((u): u is string => u !== undefined) ? ordered : null;
}
