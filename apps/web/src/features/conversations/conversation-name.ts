import type { Room } from "@parley/protocol";

/** What naming and sorting read of a room (so tests and callers need not build a whole Room). */
export type NamedRoom = Pick<Room, "id" | "kind" | "name" | "people">;

/** A direct conversation (1:1 or group) rather than a named channel. */
export function isConversation(room: Pick<Room, "kind">): boolean {
  return room.kind === "dm" || room.kind === "group";
}

// Accent- and case-insensitive, numbers in numeric order ("ana" before "Ben", "room 2" before "room 10").
const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/**
 * What a person calls a room: a channel by its name; a DM by the other person; a group by the
 * others' names, alphabetically ("Ana, Ben, Cleo") so the same group reads the same for everyone
 * and does not change with the order the server lists members in.
 */
export function conversationName(room: NamedRoom): string {
  if (room.kind === "channel") return room.name;
  const names = room.people.map((p) => p.displayName).sort(collator.compare);
  // Everyone else left the group (a DM cannot be left, but an account can disappear).
  if (names.length === 0) return "Only you";
  return names.join(", ");
}

/** The tab title and headings: "#general" for a channel, the name itself for a conversation. */
export function roomTitle(room: NamedRoom): string {
  return room.kind === "channel" ? `#${room.name}` : conversationName(room);
}

/**
 * The sidebar's two sections, each alphabetical (ties by id, so the order is stable). By name
 * rather than by latest message: a list that reorders itself under the pointer as messages
 * arrive makes people click the wrong row, and a room carries no last-activity time to sort on.
 */
export function groupRooms<R extends NamedRoom>(rooms: readonly R[]): { channels: R[]; conversations: R[] } {
  const byName = (a: R, b: R) =>
    collator.compare(conversationName(a), conversationName(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    channels: rooms.filter((r) => !isConversation(r)).sort(byName),
    conversations: rooms.filter(isConversation).sort(byName),
  };
}
