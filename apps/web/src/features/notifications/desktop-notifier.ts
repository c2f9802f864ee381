import {
  findMentions,
  type Message,
  type Notification,
  type NotifyLevel,
  type Room,
  SERVER_FRAME,
  type ServerFrame,
} from "@parley/protocol";
import {
  entryExcerpt,
  entryHeadline,
  messageExcerpt,
  messageHeadline,
  messageHref,
} from "./notification-text";
import { type NotifyCandidate, shouldNotify } from "./should-notify";

/** What a desktop notification says and where clicking it goes. */
export interface DesktopMessage {
  title: string;
  body: string;
  /** One per room: a room's newer notification replaces its older one instead of piling up. */
  tag: string;
  href: string;
}

/** A shown notification, so it can be taken back once the message is read elsewhere. */
export interface ShownNotification {
  close(): void;
}

export interface DesktopNotifierDeps {
  myId: string;
  /** My display name now (mentions are by name, and names can change). */
  myName: () => string;
  /** Permission granted and not turned off by me. */
  isEnabled: () => boolean;
  isHidden: () => boolean;
  /** The room as the cache holds it (for its level and name), or null. */
  roomOf: (roomId: string) => Pick<Room, "id" | "kind" | "name" | "people" | "myNotify"> | null;
  show: (message: DesktopMessage) => ShownNotification | null;
}

/** How many message ids are remembered to avoid a second notification for one message. */
const REMEMBERED = 500;

export function roomTag(roomId: string): string {
  return `parley-room-${roomId}`;
}

/**
 * Turns server frames into desktop notifications (no React, no browser globals: those come in
 * through `deps`). It remembers, per room, the read pointer the `read.updated` frames report
 * (so a message read on the phone does not pop up on the laptop, and a notification already
 * up is closed once read), and the ids of the messages it notified of (the live message and
 * its inbox entry are two frames for one message).
 */
export class DesktopNotifier {
  private readonly readSeqs = new Map<string, number>();
  /** Insertion-ordered, so the oldest id is dropped first. */
  private readonly shownIds = new Set<string>();
  private readonly open = new Map<string, { seq: number; notification: ShownNotification }>();

  constructor(private readonly deps: DesktopNotifierDeps) {}

  readonly handle = (frame: ServerFrame): void => {
    switch (frame.type) {
      case SERVER_FRAME.READ:
        this.read(frame.read.roomId, frame.read.readSeq);
        return;
      case SERVER_FRAME.NOTIFICATION:
        this.consider(fromInbox(frame.notification), () => ({
          title: entryHeadline(frame.notification),
          body: entryExcerpt(frame.notification),
        }));
        return;
      case SERVER_FRAME.MESSAGE:
        this.considerMessage(frame.message);
        return;
    }
  };

  private read(roomId: string, readSeq: number): void {
    this.readSeqs.set(roomId, Math.max(readSeq, this.readSeqs.get(roomId) ?? 0));
    const open = this.open.get(roomId);
    if (open && open.seq <= readSeq) {
      open.notification.close();
      this.open.delete(roomId);
    }
  }

  private considerMessage(message: Message): void {
    const mentionsMe = mentionsByName(message.body, this.deps.myName());
    const room = this.deps.roomOf(message.roomId);
    this.consider(
      {
        source: "message",
        messageId: message.id,
        roomId: message.roomId,
        seq: message.seq,
        authorId: message.author.id,
        // A thread reply reaches its followers as an inbox entry, not as a room message.
        isMessage: message.kind === "message" && !message.threadRootId,
        deleted: message.deleted !== null,
        read: false,
        mentionsMe,
      },
      () => ({
        title: headlineFor(room, message.author, mentionsMe),
        body: messageExcerpt(message),
      }),
    );
  }

  private consider(candidate: NotifyCandidate, text: () => { title: string; body: string }): void {
    const level: NotifyLevel | null = this.deps.roomOf(candidate.roomId)?.myNotify ?? null;
    const decision = shouldNotify(candidate, {
      myId: this.deps.myId,
      enabled: this.deps.isEnabled(),
      hidden: this.deps.isHidden(),
      level,
      readSeq: this.readSeqs.get(candidate.roomId) ?? 0,
      alreadyShown: this.shownIds.has(candidate.messageId),
    });
    if (!decision.notify) return;
    this.remember(candidate.messageId);
    const notification = this.deps.show({
      ...text(),
      tag: roomTag(candidate.roomId),
      href: messageHref(candidate.roomId, candidate.seq),
    });
    if (notification) this.open.set(candidate.roomId, { seq: candidate.seq, notification });
  }

  private remember(messageId: string): void {
    this.shownIds.add(messageId);
    if (this.shownIds.size > REMEMBERED) {
      const oldest = this.shownIds.values().next().value;
      if (oldest !== undefined) this.shownIds.delete(oldest);
    }
  }
}

/** Worded as its inbox entry would be, so either source titles a notification the same way. */
function headlineFor(
  room: Pick<Room, "id" | "kind" | "name" | "people"> | null,
  author: Message["author"],
  mentionsMe: boolean,
): string {
  if (!room) return `${author.displayName} mentioned you`;
  if (mentionsMe) return entryHeadline({ kind: "mention", room, author });
  return messageHeadline(room, author.displayName);
}

function fromInbox(n: Notification): NotifyCandidate {
  return {
    source: "inbox",
    messageId: n.messageId,
    roomId: n.room.id,
    seq: n.seq,
    authorId: n.author.id,
    isMessage: true,
    deleted: n.deleted,
    read: n.read,
    mentionsMe: n.kind === "mention",
  };
}

/** Whether a body mentions this name, compared as the server compares it (any case). */
export function mentionsByName(body: string, name: string): boolean {
  const wanted = name.toLocaleLowerCase();
  return findMentions(body).names.some((n) => n.toLocaleLowerCase() === wanted);
}
