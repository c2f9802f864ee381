import { type PublicUser, SERVER_FRAME, type ServerFrame, TYPING_EXPIRE_MS } from "@parley/protocol";
import { type FrameChannel, perChannel } from "../presence/frame-channel";

const NOBODY: readonly PublicUser[] = Object.freeze([]);

interface Typist {
  user: PublicUser;
  expiresAt: number;
}

export interface TypingClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

const realClock: TypingClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/**
 * Who is typing in each room, from the server's `typing` frames. A typist stays for
 * TYPING_EXPIRE_MS after their last frame (they send one every 2.5 s while typing) and leaves
 * at once when their message arrives. Nothing here is persisted: a reload starts empty.
 */
export class TypingStore {
  private readonly rooms = new Map<string, Map<string, Typist>>();
  /** Per room, the typists as one array that changes identity only when they change. */
  private readonly snapshots = new Map<string, readonly PublicUser[]>();
  private readonly listeners = new Set<() => void>();
  private timer: unknown = null;

  constructor(
    channel: FrameChannel,
    private readonly clock: TypingClock = realClock,
  ) {
    channel.subscribeFrames((frame) => this.onFrame(frame));
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The people typing in a room, in the order they started. */
  typists(roomId: string): readonly PublicUser[] {
    return this.snapshots.get(roomId) ?? NOBODY;
  }

  private onFrame(frame: ServerFrame): void {
    if (frame.type === SERVER_FRAME.TYPING) {
      let room = this.rooms.get(frame.roomId);
      if (!room) {
        room = new Map();
        this.rooms.set(frame.roomId, room);
      }
      const known = room.has(frame.user.id);
      room.set(frame.user.id, { user: frame.user, expiresAt: this.clock.now() + TYPING_EXPIRE_MS });
      this.schedule();
      if (!known) this.changed(frame.roomId);
    } else if (frame.type === SERVER_FRAME.MESSAGE) {
      // Their message arrived: they are done typing it.
      const { roomId, author } = frame.message;
      if (this.rooms.get(roomId)?.delete(author.id)) this.changed(roomId);
    }
  }

  private changed(roomId: string): void {
    const room = this.rooms.get(roomId);
    if (!room || room.size === 0) {
      this.rooms.delete(roomId);
      this.snapshots.delete(roomId);
    } else {
      this.snapshots.set(
        roomId,
        [...room.values()].map((t) => t.user),
      );
    }
    for (const listener of this.listeners) listener();
  }

  /** One timer for the whole store, set for the next typist to expire. */
  private schedule(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    let next = Number.POSITIVE_INFINITY;
    for (const room of this.rooms.values()) for (const t of room.values()) next = Math.min(next, t.expiresAt);
    if (next === Number.POSITIVE_INFINITY) return;
    this.timer = this.clock.setTimeout(() => this.expire(), Math.max(0, next - this.clock.now()));
  }

  private expire(): void {
    this.timer = null;
    const now = this.clock.now();
    for (const [roomId, room] of [...this.rooms]) {
      let removed = false;
      for (const [userId, typist] of [...room]) {
        if (typist.expiresAt <= now) removed = room.delete(userId) || removed;
      }
      if (removed) this.changed(roomId);
    }
    this.schedule();
  }
}

/** The session's typing store (one per realtime controller). */
export const typingStoreFor = perChannel((channel) => new TypingStore(channel));
