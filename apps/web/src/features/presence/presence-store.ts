import {
  CLIENT_FRAME,
  PRESENCE_WATCH_MAX,
  type PresenceState,
  SERVER_FRAME,
  type ServerFrame,
  type UserPresence,
} from "@parley/protocol";
import type { FrameChannel } from "./frame-channel";

/**
 * The presence of the people this tab displays. Components watch a person while they show
 * them (counted, so two components showing Ana watch her once); the store sends the whole
 * list as one `presence.watch` after the current turn (a list of 50 members mounts as one
 * frame, not 50), hears the answer and every change, and sends it all again after a reconnect.
 * It also reports this tab's own state (active or idle).
 */
export class PresenceStore {
  private readonly known = new Map<string, UserPresence>();
  /** Watched people and how many components show each, in the order first watched. */
  private readonly watching = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private sentList: string | null = null;
  private flushScheduled = false;
  private state: PresenceState = "active";

  constructor(
    private readonly channel: FrameChannel,
    private readonly defer: (run: () => void) => void = (run) => setTimeout(run, 0),
  ) {
    channel.subscribeFrames((frame) => this.onFrame(frame));
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** What is known of a person now; undefined until the server has said. */
  get(userId: string): UserPresence | undefined {
    return this.known.get(userId);
  }

  /** Watch a person while a component shows them; call the returned function when it stops. */
  watch(userId: string): () => void {
    this.watching.set(userId, (this.watching.get(userId) ?? 0) + 1);
    this.scheduleFlush();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const count = (this.watching.get(userId) ?? 1) - 1;
      if (count > 0) this.watching.set(userId, count);
      else this.watching.delete(userId);
      this.scheduleFlush();
    };
  }

  /** This tab's own state, from the idle detector. */
  setOwnState(state: PresenceState): void {
    if (state === this.state) return;
    this.state = state;
    // Not sent (socket closed): the reconnect's `ready` sends the state then.
    this.channel.sendFrame({ type: CLIENT_FRAME.PRESENCE, state });
  }

  private onFrame(frame: ServerFrame): void {
    if (frame.type === SERVER_FRAME.READY) {
      // A new connection starts as active, watching nobody: tell it everything again.
      if (this.state !== "active") this.channel.sendFrame({ type: CLIENT_FRAME.PRESENCE, state: this.state });
      this.sentList = null;
      this.flush();
    } else if (frame.type === SERVER_FRAME.PRESENCE) {
      const { type: _type, ...presence } = frame;
      // A late answer for someone no longer shown is not kept: nothing would keep it fresh.
      if (!this.watching.has(presence.userId)) return;
      this.known.set(presence.userId, presence);
      this.notify();
    }
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.defer(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    // Past the limit, the people watched most recently win: they are the ones on screen now.
    const userIds = [...this.watching.keys()].slice(-PRESENCE_WATCH_MAX);
    const list = userIds.join(",");
    // Forget who is no longer watched only now, so a component that remounts within the same
    // turn (one unwatch, one watch) keeps what is known and asks for nothing new.
    let forgot = false;
    for (const userId of [...this.known.keys()]) {
      if (!this.watching.has(userId)) forgot = this.known.delete(userId) || forgot;
    }
    if (forgot) this.notify();
    if (list === this.sentList) return;
    if (this.channel.sendFrame({ type: CLIENT_FRAME.PRESENCE_WATCH, userIds })) this.sentList = list;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
