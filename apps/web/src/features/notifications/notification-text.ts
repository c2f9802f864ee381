import {
  EXCERPT_LENGTH,
  excerpt,
  type Message,
  type Notification,
  type Room,
  tokenizeMentions,
} from "@parley/protocol";
import { conversationName } from "../conversations/conversation-name";

type NamedRoom = Pick<Room, "id" | "kind" | "name" | "people">;

/** "#general" for a channel; the people's names for a conversation. */
function where(room: NamedRoom): string {
  return room.kind === "channel" ? `#${room.name}` : conversationName(room);
}

/**
 * The first line of an inbox entry (and a desktop notification's title), as Slack words it:
 * "Ana mentioned you in #general", "Olga · @room in #general", "Ana · direct message", or
 * "Ana in Ana, Ben, Cleo" for a group.
 */
export function entryHeadline(n: Pick<Notification, "kind" | "room" | "author">): string {
  const author = n.author.displayName;
  if (n.kind === "mention") {
    return n.room.kind === "dm"
      ? `${author} mentioned you · direct message`
      : `${author} mentioned you in ${where(n.room)}`;
  }
  if (n.kind === "room" || n.kind === "here") return `${author} · @${n.kind} in ${where(n.room)}`;
  if (n.kind === "thread") {
    return n.room.kind === "dm"
      ? `${author} replied in a thread · direct message`
      : `${author} replied in a thread in ${where(n.room)}`;
  }
  return messageHeadline(n.room, author);
}

/** The title of a desktop notification for a message that is not an inbox entry (a room set to all). */
export function messageHeadline(room: NamedRoom, author: string): string {
  if (room.kind === "dm") return `${author} · direct message`;
  return `${author} in ${where(room)}`;
}

/**
 * A message's text for the inbox and notifications: mentions read as "@Ana" (not the
 * `@**Ana**` markup), whitespace folded to one line, cut at EXCERPT_LENGTH characters.
 */
export function plainExcerpt(body: string): string {
  const text = tokenizeMentions(body)
    .map((t) => (t.kind === "person" ? `@${t.name}` : t.text))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  return excerpt(text, EXCERPT_LENGTH);
}

/** What an entry shows under its headline. */
export function entryExcerpt(n: Pick<Notification, "deleted" | "excerpt">): string {
  return n.deleted ? "Message deleted" : plainExcerpt(n.excerpt);
}

/** The body of a desktop notification for a live message. */
export function messageExcerpt(message: Pick<Message, "body" | "deleted">): string {
  return message.deleted ? "Message deleted" : plainExcerpt(message.body);
}

/** Where an entry (or a notification) takes you: the room, scrolled to the message. */
export function messageHref(roomId: string, seq: number): string {
  return `/rooms/${roomId}?seq=${seq}`;
}
