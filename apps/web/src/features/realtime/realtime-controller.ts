import {
  CLIENT_FRAME,
  type MembershipFrame,
  type Message,
  SERVER_FRAME,
  type ServerFrame,
} from "@parley/protocol";
import { notifyManager, type QueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys";
import { GapFiller } from "../messages/gap-filler";
import { applyLiveMessage, reloadRoomMessages, syncCursors } from "../messages/message-cache";
import {
  discard,
  dropRoom,
  enqueue,
  fail,
  markSending,
  nextToSend,
  requeue,
  requeueInFlight,
  retry,
  settle,
} from "../messages/outbox";
import { OutboxStore } from "../messages/outbox-store";
import { setMemberCount } from "../rooms/member-count";
import { type ConnectionStatus, SocketClient, type SocketClientOptions } from "./socket-client";

export interface RealtimeControllerOptions {
  queryClient: QueryClient;
  /** The signed-in user: their own messages coming back settle the outbox. */
  userId: string;
  url: () => string;
  onSignedOut: () => void;
  /** The user left a room (here or in another tab). */
  onLeftRoom: (roomId: string) => void;
  createSocket?: SocketClientOptions["createSocket"];
  random?: () => number;
  gapDelayMs?: number;
}

/**
 * Feeds the socket into the query cache and drives the outbox. No React: the provider owns
 * one per signed-in session and React reads it through useSyncExternalStore.
 */
export class RealtimeController {
  readonly outbox = new OutboxStore();
  readonly gaps: GapFiller;
  private readonly socket: SocketClient;
  private readonly queryClient: QueryClient;
  private status: ConnectionStatus = "stopped";
  /** Sync answered: the server has sent what we missed, so what is left in the outbox is unsent. */
  private synced = false;
  private connectedBefore = false;
  /** Sends known to be stored whose removal from the outbox is still scheduled: never resend. */
  private readonly stored = new Set<string>();
  private readonly statusListeners = new Set<() => void>();

  constructor(private readonly options: RealtimeControllerOptions) {
    this.queryClient = options.queryClient;
    this.gaps = new GapFiller(options.queryClient, options.gapDelayMs);
    this.socket = new SocketClient({
      url: options.url,
      onFrame: (frame) => this.handleFrame(frame),
      onStatus: (status) => this.handleStatus(status),
      createSocket: options.createSocket,
      random: options.random,
    });
  }

  start(): void {
    this.gaps.resume();
    this.socket.start();
  }

  stop(): void {
    this.socket.stop();
    this.gaps.stop();
  }

  retryConnectionNow(): void {
    this.socket.retryNow();
  }

  readonly getStatus = (): ConnectionStatus => this.status;

  readonly subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  /** Queues a message; it shows as pending at once and goes out when its turn comes. */
  sendMessage(roomId: string, body: string): string {
    const clientId = crypto.randomUUID();
    this.outbox.apply((s) => enqueue(s, { clientId, roomId, body, createdAt: new Date().toISOString() }));
    this.pump();
    return clientId;
  }

  retrySend(clientId: string): void {
    this.outbox.apply((s) => retry(s, clientId));
    this.pump();
  }

  discardSend(clientId: string): void {
    this.outbox.apply((s) => discard(s, clientId));
  }

  /** The user is no longer in the room: drop its history and unsent messages. */
  forgetRoom(roomId: string): void {
    this.queryClient.removeQueries({ queryKey: queryKeys.messages(roomId), exact: true });
    this.outbox.apply((s) => dropRoom(s, roomId));
  }

  private handleStatus(status: ConnectionStatus): void {
    this.status = status;
    if (status !== "open") {
      this.synced = false;
      // Whatever was in flight may or may not have arrived; after the next sync, the ones
      // still here are resent with their original clientId and the server deduplicates.
      this.outbox.apply(requeueInFlight);
    }
    for (const listener of this.statusListeners) listener();
    if (status === "signed-out") this.options.onSignedOut();
  }

  private handleFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case SERVER_FRAME.READY:
        this.socket.send({ type: CLIENT_FRAME.SYNC, cursors: syncCursors(this.queryClient) });
        // Rooms may have been joined, left or renamed while we were away.
        if (this.connectedBefore) void this.queryClient.invalidateQueries({ queryKey: queryKeys.rooms });
        this.connectedBefore = true;
        return;
      case SERVER_FRAME.SYNCED:
        this.synced = true;
        this.pump();
        return;
      case SERVER_FRAME.MESSAGE:
        this.receive(frame.message);
        return;
      case SERVER_FRAME.ACK:
        this.receive(frame.message);
        return;
      case SERVER_FRAME.ERROR:
        if (
          frame.clientId !== undefined &&
          this.outbox.getSnapshot().some((e) => e.clientId === frame.clientId)
        ) {
          const clientId = frame.clientId;
          if (frame.error.code === "RATE_LIMITED") {
            // Not a refusal of the message: send it again, in its turn, once the budget refills.
            this.outbox.apply((s) => requeue(s, clientId));
            setTimeout(() => this.pump(), (frame.retryAfterSeconds ?? 1) * 1000);
            return;
          }
          this.outbox.apply((s) => fail(s, clientId, frame.error.message));
          this.pump();
        } else {
          console.warn("parley: the server reported an error", frame.error);
        }
        return;
      case SERVER_FRAME.RESYNC:
        void reloadRoomMessages(this.queryClient, frame.roomId).catch((error: unknown) =>
          console.warn("parley: could not reload a room", error),
        );
        return;
      case SERVER_FRAME.MEMBERSHIP:
        this.handleMembership(frame);
        return;
      case SERVER_FRAME.ROOM_MEMBERS:
        setMemberCount(this.queryClient, frame.roomId, frame.memberCount);
        return;
    }
  }

  private receive(message: Message): void {
    if (applyLiveMessage(this.queryClient, message)) this.gaps.schedule(message.roomId);
    if (message.author.id !== this.options.userId) return;
    // Our own message is stored (its ack, or its copy came first, e.g. in a sync after a
    // reconnect): it leaves the outbox. Deferred behind the cache's own notification so the
    // list never renders a frame without the message; meanwhile the list hides the pending
    // copy because the cache already holds its clientId.
    this.stored.add(message.clientId);
    notifyManager.schedule(() => {
      this.stored.delete(message.clientId);
      this.outbox.apply((s) => settle(s, message.clientId));
      this.pump();
    });
  }

  private handleMembership({ roomId, joined, room }: MembershipFrame): void {
    if (room) this.queryClient.setQueryData(queryKeys.room(roomId), room);
    else void this.queryClient.invalidateQueries({ queryKey: queryKeys.room(roomId) });
    void this.queryClient.invalidateQueries({ queryKey: queryKeys.myRooms });
    void this.queryClient.invalidateQueries({ queryKey: queryKeys.publicRooms });
    if (!joined) {
      this.forgetRoom(roomId);
      this.options.onLeftRoom(roomId);
    }
  }

  /** Sends, per room, the oldest queued message unless one is already waiting for its ack. */
  private pump(): void {
    if (this.status !== "open" || !this.synced) return;
    for (const entry of nextToSend(this.outbox.getSnapshot())) {
      if (this.stored.has(entry.clientId)) continue;
      const sent = this.socket.send({
        type: CLIENT_FRAME.SEND,
        roomId: entry.roomId,
        clientId: entry.clientId,
        body: entry.body,
      });
      if (!sent) return;
      this.outbox.apply((s) => markSending(s, entry.clientId));
    }
  }
}
