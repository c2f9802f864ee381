/** At most this many emoji make a message "emoji only" (drawn large, like Slack's jumbomoji). */
const MAX_JUMBO = 3;

// One user-perceived emoji: a pictograph (with its modifiers, ZWJ sequences and variation
// selectors, all inside one grapheme), a flag (two regional indicators) or a keycap (1️⃣).
const EMOJI_GRAPHEME = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}{2}|[0-9#*]\uFE0F?\u20E3)/u;

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** Whether a body is 1–3 emoji and nothing else (spaces between them allowed). */
export function isEmojiOnly(body: string): boolean {
  const text = body.trim();
  if (text === "") return false;
  let count = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (/^\s+$/u.test(segment)) continue;
    if (!EMOJI_GRAPHEME.test(segment)) return false;
    count += 1;
    if (count > MAX_JUMBO) return false;
  }
  return count > 0;
}
