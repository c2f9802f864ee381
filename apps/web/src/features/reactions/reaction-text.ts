/** Emoji offered at once, before the full picker (Slack's and GitHub's usual few). */
export const QUICK_REACTIONS = ["👍", "❤️", "😂", "🎉", "😮", "😢", "🙏", "👀"] as const;

/**
 * Who reacted, for the chip's hover and for screen readers: "You reacted with 👍", "Ana and
 * you reacted with 👍", "Ana, Ben and 3 others reacted with 👍". `names` are in the order
 * people reacted; the reader is "you".
 */
export function reactionText(emoji: string, names: readonly string[], mine: boolean): string {
  const people = mine ? [...names, "you"] : [...names];
  const who =
    people.length <= 2
      ? people.join(" and ")
      : people.length === 3
        ? `${people[0]}, ${people[1]} and ${people[2]}`
        : `${people[0]}, ${people[1]} and ${people.length - 2} others`;
  const sentence = `${who} reacted with ${emoji}`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
