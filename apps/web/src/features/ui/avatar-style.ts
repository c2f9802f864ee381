/** Initials for an avatar: first letters of the first two words ("Ada Lovelace" → "AL"). */
export function initials(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  // Array.from splits by code point, so an emoji or accented capital stays whole.
  const letters = words.slice(0, 2).map((w) => Array.from(w)[0] ?? "");
  return letters.join("").toUpperCase() || "?";
}

/** A stable hue per user id, so a person keeps their colour everywhere. */
export function avatarHue(userId: string): number {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return hash % 360;
}
