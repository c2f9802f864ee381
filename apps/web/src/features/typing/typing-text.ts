/**
 * What the line above the composer says about the people typing (never the reader: the
 * server does not echo one's own typing). Names come in the order they started typing.
 */
export function typingText(names: readonly string[]): string {
  const [first, second] = names;
  if (first === undefined) return "";
  if (names.length === 1) return `${first} is typing…`;
  if (names.length === 2) return `${first} and ${second} are typing…`;
  return "Several people are typing…";
}
