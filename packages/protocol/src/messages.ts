import { z } from "zod";
import { PublicUser } from "./accounts";
import { Attachment, AttachmentIds } from "./attachments";
import { ClientId, Id, Seq, Timestamp } from "./common";
import { HISTORY_PAGE_MAX, HISTORY_PAGE_SIZE, MESSAGE_MAX_LENGTH } from "./limits";

/**
 * What an entry of a room's log is. The log is one gapless sequence per room: a message takes
 * the next number, and so does every later change to a message (a deletion, an edit, a reaction
 * added or taken back), so a client that resumes from its last seq also learns what changed
 * while it was away, and a hole in the numbers is always noticed.
 */
export const EntryKind = z.enum(["message", "deletion", "edit", "reaction", "unreaction"]);
export type EntryKind = z.infer<typeof EntryKind>;

/** Who removed a deleted message: its author, or a moderator (shown differently). */
export const DeletedBy = z.enum(["author", "moderator"]);
export type DeletedBy = z.infer<typeof DeletedBy>;

/**
 * A thread under a root message: how many replies it has (deleted ones included: they keep
 * their place, as in the timeline), who replied last (up to 3, newest first) and when.
 * `lastReplySeq` is the room seq of the newest reply counted: a client adds a reply that
 * arrives live only when its seq is higher, so a replay or a fresher copy never counts twice.
 */
export const ThreadSummary = z.object({
  replyCount: z.number().int().nonnegative(),
  lastReplySeq: Seq,
  lastReplyAt: Timestamp,
  repliers: z.array(PublicUser).max(3),
});
export type ThreadSummary = z.infer<typeof ThreadSummary>;

/** Longest quote of the replied-to message carried with a reply. */
export const REPLY_EXCERPT_LENGTH = 200;

/** The message a reply answers, as the reply shows it (a quote that jumps to the original). */
export const ReplyPreview = z.object({
  id: Id,
  seq: Seq,
  author: PublicUser,
  /** The start of its text as it is now (empty once deleted). */
  excerpt: z.string(),
  deleted: z.boolean(),
});
export type ReplyPreview = z.infer<typeof ReplyPreview>;

/**
 * The start of a message (by code point, like lengths), "…" when cut: what a reply quotes, an
 * inbox entry and a desktop notification show.
 */
export function excerpt(body: string, length = REPLY_EXCERPT_LENGTH): string {
  const chars = [...body];
  return chars.length > length ? `${chars.slice(0, length).join("")}…` : body;
}

/**
 * One entry of a room's log. For `kind: "message"`, a message as it is now (a deleted one has
 * an empty body and `deleted` set; an edited one its newest text and `editedAt`). For an event
 * (`kind: "deletion"`, `"edit"`, `"reaction"`, `"unreaction"`), `targetId` names the message
 * it changed, `author` is who made the change, and `body` is empty for a deletion, the new text
 * for an edit, the emoji for a reaction; clients apply it to the target and do not show it as
 * a row.
 */
export const Message = z.object({
  id: Id,
  roomId: Id,
  seq: Seq,
  clientId: z.string(),
  author: PublicUser,
  body: z.string(),
  createdAt: Timestamp,
  kind: EntryKind,
  targetId: Id.nullable(),
  deleted: DeletedBy.nullable(),
  /** When the text was last changed (null: never). Sent by the server; absent on client-built entries. */
  editedAt: Timestamp.nullable().optional(),
  /**
   * The seq of the newest event applied to this message (0: none). A copy with a lower one is
   * older than the one held, and an event at or below it is already in it.
   */
  eventSeq: Seq.optional(),
  /** The message this one replies to (null: none). Sent by the server; pending sends carry it too. */
  replyTo: ReplyPreview.nullable().optional(),
  /** Reactions, in the order each emoji was first used, with who reacted. Sent by the server. */
  reactions: z.array(z.object({ emoji: z.string(), userIds: z.array(Id) })).optional(),
  /**
   * Files the message carries (empty or absent: none; a deleted message's are gone). The
   * server always sends the array; it is optional so entries built by a client (pending
   * sends) and events need not carry one.
   */
  attachments: z.array(Attachment).optional(),
  /**
   * A reply in a thread: the root message it belongs to (null or absent: a timeline message).
   * Thread replies are entries of the room's log like any message; the timeline hides them.
   */
  threadRootId: Id.nullable().optional(),
  /** On a root message: its thread's summary (null or absent: no replies yet). */
  thread: ThreadSummary.nullable().optional(),
});
export type Message = z.infer<typeof Message>;

export const MessageParams = z.object({ roomId: Id, messageId: Id });

export const DeleteMessageResponse = z.object({
  /** The message as it is now (deleted). */
  message: Message,
  /** The log entry that recorded the deletion; null when it had already been deleted. */
  deletion: Message.nullable(),
});
export type DeleteMessageResponse = z.infer<typeof DeleteMessageResponse>;

/**
 * A message body: at most MESSAGE_MAX_LENGTH characters (counted as the user sees them, so an
 * emoji is one; the too-long check is separate so it gets its own error code). It may be blank
 * only when the message carries attachments (then it is their caption): see `sendHasContent`.
 */
export const MessageBody = z.string();

/** A send says something: a non-blank body, or at least one attachment. */
export function sendHasContent(send: {
  body: string;
  attachmentIds?: readonly string[] | undefined;
}): boolean {
  return send.body.trim().length > 0 || (send.attachmentIds?.length ?? 0) > 0;
}
const EMPTY_SEND = { message: "Message is empty", path: ["body"] };

export function isMessageTooLong(body: string): boolean {
  return [...body].length > MESSAGE_MAX_LENGTH;
}

export const SendMessageRequest = z
  .object({
    clientId: ClientId,
    body: MessageBody,
    /** Pending uploads of the sender in this room, attached in the message's transaction. */
    attachmentIds: AttachmentIds.optional(),
    /** A message of the same room that this one answers. */
    replyToId: Id.optional(),
    /** Post in the thread under this message of the same room (itself not a thread reply). */
    threadRootId: Id.optional(),
  })
  .refine(sendHasContent, EMPTY_SEND);
export type SendMessageRequest = z.infer<typeof SendMessageRequest>;

const PageLimit = z.coerce.number().int().min(1).max(HISTORY_PAGE_MAX).default(HISTORY_PAGE_SIZE);

/**
 * History query: `before` pages backwards from a sequence (omit for the newest page);
 * `after` pages forwards (used to fill a gap). Not both.
 */
export const HistoryQuery = z
  .object({
    before: z.coerce.number().int().min(1).optional(),
    after: z.coerce.number().int().min(0).optional(),
    limit: PageLimit,
  })
  .refine((q) => q.before === undefined || q.after === undefined, {
    message: "Use either before or after, not both",
  });
export type HistoryQuery = z.infer<typeof HistoryQuery>;

export const HistoryResponse = z.object({
  /** Ascending by seq. */
  messages: z.array(Message),
  /** More messages exist beyond this page in the direction asked. */
  hasMore: z.boolean(),
});
export type HistoryResponse = z.infer<typeof HistoryResponse>;

/** Change the text of my message. The same length rule as a send; it cannot become blank. */
export const EditMessageRequest = z.object({
  body: MessageBody.refine((body) => body.trim().length > 0, "Message is empty"),
});
export type EditMessageRequest = z.infer<typeof EditMessageRequest>;

export const EditMessageResponse = z.object({
  /** The message as it is now. */
  message: Message,
  /** The log entry that recorded the edit; null when the text was already this (nothing changed). */
  edit: Message.nullable(),
});
export type EditMessageResponse = z.infer<typeof EditMessageResponse>;

/** One earlier text of an edited message, and when it was replaced, by whom. */
export const MessageVersion = z.object({
  body: z.string(),
  /** When this text was replaced by the next one. */
  replacedAt: Timestamp,
  replacedBy: PublicUser,
});
export type MessageVersion = z.infer<typeof MessageVersion>;

/** An edited message's earlier texts, oldest first (for moderators and the author). */
export const MessageHistoryResponse = z.object({ versions: z.array(MessageVersion) });
export type MessageHistoryResponse = z.infer<typeof MessageHistoryResponse>;

/**
 * One emoji (a single grapheme such as 👍, ❤️, 👍🏽 or 🇫🇷), the only thing a reaction can be:
 * never text, never several.
 */
export const ReactionEmoji = z.string().min(1).max(32).refine(isSingleEmoji, "A reaction is one emoji");

export function isSingleEmoji(text: string): boolean {
  if (!/\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u.test(text)) return false;
  if (/[\s\p{L}\p{N}\p{P}]/u.test(text.replace(/[#*0-9]\uFE0F?\u20E3/gu, ""))) return false;
  const segments = [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)];
  return segments.length === 1;
}

/** Add my reaction with this emoji to a message, or take it back. */
export const ReactRequest = z.object({ emoji: ReactionEmoji, on: z.boolean() });
export type ReactRequest = z.infer<typeof ReactRequest>;

export const ReactResponse = z.object({
  /** The log entry that recorded the change; null when there was nothing to change. */
  event: Message.nullable(),
});
export type ReactResponse = z.infer<typeof ReactResponse>;

/** Different emoji on one message, at most: past it only existing ones can be added to. */
export const REACTIONS_PER_MESSAGE_MAX = 50;

export const SendMessageResponse = z.object({
  message: Message,
  /** True when this clientId had been sent before and the original is returned. */
  duplicate: z.boolean(),
});
export type SendMessageResponse = z.infer<typeof SendMessageResponse>;
