import type { NotifyLevel } from "@parley/protocol";

/**
 * A message that might deserve a desktop notification, from either source: an inbox entry
 * (`notification.new`: a mention, @room/@here, a direct message) or a live message
 * (`message.new`, for rooms set to notify of every message).
 */
export interface NotifyCandidate {
  source: "inbox" | "message";
  messageId: string;
  roomId: string;
  seq: number;
  authorId: string;
  /** A message rather than an event on one (a deletion). */
  isMessage: boolean;
  deleted: boolean;
  /** The inbox entry is already read (an inbox entry only). */
  read: boolean;
  /** It mentions me by name (the one thing a muted room still notifies of). */
  mentionsMe: boolean;
}

/** What is known about this tab and room when the candidate arrives. */
export interface NotifyContext {
  myId: string;
  /** The browser allows notifications and I have not turned them off. */
  enabled: boolean;
  /** The tab is hidden: a visible one shows the message itself. */
  hidden: boolean;
  /** My level in the room (null: the room is not in the cache, its level unknown). */
  level: NotifyLevel | null;
  /** The highest seq I have read in this room on any device, as far as this tab has heard. */
  readSeq: number;
  /** A notification for this message was shown already (from the other source). */
  alreadyShown: boolean;
}

export type SkipReason =
  | "disabled"
  | "visible"
  | "duplicate"
  | "own"
  | "not-a-message"
  | "read"
  | "muted"
  | "level";

export type NotifyDecision = { notify: true } | { notify: false; reason: SkipReason };

const skip = (reason: SkipReason): NotifyDecision => ({ notify: false, reason });

/**
 * Whether to show a desktop notification. The inbox source was already filtered by the
 * server (mentions, @room by moderators, direct messages; a muted room only for mentions by
 * name), but the level may have changed since and the message may have been read on another
 * device meanwhile, so both are checked again here. A live message notifies only in a room
 * set to "all", or when it mentions me by name (the inbox entry for it follows, and is then a
 * duplicate: one notification per message whichever source comes first).
 */
export function shouldNotify(candidate: NotifyCandidate, context: NotifyContext): NotifyDecision {
  if (!context.enabled) return skip("disabled");
  if (!context.hidden) return skip("visible");
  if (context.alreadyShown) return skip("duplicate");
  if (candidate.authorId === context.myId) return skip("own");
  if (!candidate.isMessage || candidate.deleted) return skip("not-a-message");
  if (candidate.read || context.readSeq >= candidate.seq) return skip("read");
  if (context.level === "mute" && !candidate.mentionsMe) return skip("muted");
  if (candidate.source === "inbox") return { notify: true };
  if (context.level === "all" || candidate.mentionsMe) return { notify: true };
  return skip("level");
}
