import type { Room } from "@parley/protocol";
import { conversationName, roomTitle } from "../conversations/conversation-name";

type IntroRoom = Pick<Room, "id" | "kind" | "name" | "topic" | "people">;

/** "Ana, Ben and Cleo": names for a sentence. */
function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** The heading and line at the very top of a room's history. */
export function roomIntro(room: IntroRoom): { title: string; text: string } {
  if (room.kind === "channel") {
    return {
      title: `Beginning of #${room.name}`,
      text: room.topic || `This is the very start of the #${room.name} room. Say hello!`,
    };
  }
  const names = conversationName(room).split(", ");
  return {
    title: conversationName(room),
    text:
      room.kind === "dm"
        ? `This is the beginning of your direct messages with ${names[0]}.`
        : `This is the beginning of your conversation with ${listNames(names)}.`,
  };
}

/** The composer's placeholder: "Message #general", "Message Ben". */
export function composerPlaceholder(room: IntroRoom): string {
  return `Message ${roomTitle(room)}`;
}
