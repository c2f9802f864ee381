import { randomUUID } from "node:crypto";
import {
  type PresenceFrame,
  type PresenceState,
  type PresenceWatchFrame,
  type PublicUser,
  SERVER_FRAME,
  type ServerFrame,
  TYPING_MIN_INTERVAL_MS,
  type TypingFrame,
} from "@parley/protocol";
import type { AppContext } from "../context";
import { loadRoomAccess } from "../domains/rooms/queries";
import { authorize, SOCKET_RULES } from "../rules/rules";
import { type BusEvent, roomTopic } from "./bus";
import type { Hub, HubMember } from "./hub";
import { TypingThrottle } from "./typing-throttle";

/**
 * One connection's share of live awareness: the typing frames it sends (throttled, checked,
 * published on the room topic, never stored), the presence state its tab reports, and the
 * people whose presence it watches.
 *
 * Who hears presence: each tab names the people it currently displays (`presence.watch`: the
 * member list, the picker results, the DMs) and hears only their changes. Broadcasting to
 * everyone who shares a room with a person would fan one tab going idle out to every member of
 * every big channel they are in; watching costs one bus subscription per displayed person.
 */
export class ConnectionAwareness {
  readonly connectionId = randomUUID();
  private state: PresenceState = "active";
  private readonly watched = new Set<string>();
  private readonly typingThrottle = new TypingThrottle(TYPING_MIN_INTERVAL_MS);
  /**
   * Watch answers and presence changes leave one at a time, in order: a change that arrives
   * while a snapshot is being read goes out after it, so the newest state is the last one sent.
   */
  private presenceChain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly hub: Hub,
    private readonly member: HubMember,
    private readonly user: PublicUser,
    private readonly send: (frame: ServerFrame) => void,
  ) {}

  /** The socket is authenticated: this tab counts towards its person's presence. */
  opened(): void {
    if (!this.closed) this.ctx.presence.set(this.user.id, this.connectionId, this.state);
  }

  /** The socket answered a ping: renew its presence entry before it expires. */
  heartbeat(): void {
    if (!this.closed) this.ctx.presence.set(this.user.id, this.connectionId, this.state);
  }

  /** The socket is gone: its tab no longer counts, and it stops watching. */
  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.ctx.presence.remove(this.user.id, this.connectionId);
    for (const userId of this.watched) this.hub.unwatchPresence(userId, this.member);
    this.watched.clear();
  }

  async onTyping(frame: TypingFrame): Promise<void> {
    if (!this.typingThrottle.take()) return;
    const access = await loadRoomAccess(this.ctx.db, this.user.id, frame.roomId);
    // Same as posting without slow mode: a muted member, or anyone in an archived room, may not.
    authorize({ kind: "user", userId: this.user.id }, SOCKET_RULES.typing, access);
    if (this.closed) return;
    this.ctx.bus.publish(roomTopic(frame.roomId), { type: "typing", roomId: frame.roomId, user: this.user });
  }

  onPresence(frame: PresenceFrame): void {
    authorize({ kind: "user", userId: this.user.id }, SOCKET_RULES.presence);
    this.state = frame.state;
    if (!this.closed) this.ctx.presence.set(this.user.id, this.connectionId, this.state);
  }

  /** Replaces the watched people; answers with the current presence of the new ones. */
  onWatch(frame: PresenceWatchFrame): Promise<void> {
    authorize({ kind: "user", userId: this.user.id }, SOCKET_RULES["presence.watch"]);
    if (this.closed) return Promise.resolve();
    const wanted = new Set(frame.userIds);
    for (const userId of [...this.watched]) {
      if (wanted.has(userId)) continue;
      this.watched.delete(userId);
      this.hub.unwatchPresence(userId, this.member);
    }
    const added = [...wanted].filter((userId) => !this.watched.has(userId));
    // Subscribe before reading: a change made after the read is then certain to be heard.
    for (const userId of added) {
      this.watched.add(userId);
      this.hub.watchPresence(userId, this.member);
    }
    return this.enqueue(async () => {
      for (const presence of await this.ctx.presence.snapshot(added)) {
        // Unwatched again meanwhile (a newer watch list): the client no longer wants it.
        if (this.watched.has(presence.userId)) this.send({ type: SERVER_FRAME.PRESENCE, ...presence });
      }
    });
  }

  onPresenceEvent(event: BusEvent): void {
    if (event.type !== "presence") return;
    const { presence } = event;
    void this.enqueue(async () => {
      if (this.watched.has(presence.userId)) this.send({ type: SERVER_FRAME.PRESENCE, ...presence });
    });
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.presenceChain.then(step);
    // The chain itself never rejects, so one failed read does not block later changes; the
    // caller (a watch frame) still sees the failure and answers with an error frame.
    this.presenceChain = run.catch((error) =>
      this.ctx.log.error({ err: error, userId: this.user.id }, "presence watch failed"),
    );
    return run;
  }
}
