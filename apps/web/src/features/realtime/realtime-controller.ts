import {
  type Attachment,
  CLIENT_FRAME,
  type ClientFrame,
  type MembershipFrame,
  type Message,
  type ReplyPreview,
  type Room,
  SERVER_FRAME,
  type ServerFrame,
} from "@parley/protocol";
import { notifyManager, type QueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys";
import { forgetDelivered, keepDeliveredWatermarks, raiseDelivered } from "../messages/delivered";
import { GapFiller } from "../messages/gap-filler";
import { applyLiveMessage, reloadRoomMessages } from "../messages/message-cache";
import {
  dropRoom,
  enqueue,
  fail,
  failRoom,
  markSending,
  nextToSend,
  remove,
  requeue,
  requeueInFlight,
  retry,
  settle,
} from "../messages/outbox";
import { type OutboxBackend, OutboxStore } from "../messages/outbox-store";
import { type RemovalReason, removalText } from "../moderation/moderation-text";
import { applyRoomChanges } from "../room-settings/room-cache";
import { setMemberCount } from "../rooms/member-count";
import { watchMessageCaches } from "./cache-watch";
import { ReceiptScheduler, receiptDue } from "./receipts";
import { RemovalStore } from "./removals";
import { SyncSender } from "./resync";
import { type ConnectionStatus, SocketClient, type SocketClientOptions } from "./socket-client";

export interface RealtimeControllerOptions {
  queryClient: QueryClient;
  /** The signed-in user: their own messages coming back settle the outbox. */
  userId: string;
  url: () => string;
  onSignedOut: () => void;
  /** The user left a room (here or in another tab). */
  onLeftRoom: (roomId: string) => void;
  /** Where the outbox is stored and shared with other tabs; none keeps it in memory. */
  outboxBackend?: OutboxBackend;
  createSocket?: SocketClientOptions["createSocket"];
  random?: () => number;
  gapDelayMs?: number;
  receiptIntervalMs?: number;
}

/**
 * Feeds the socket into the query cache and drives the outbox. No React: the provider owns
 * one per signed-in session and React reads it through useSyncExternalStore.
 */
export class RealtimeController {
  readonly outbox: OutboxStore;
  readonly gaps: GapFiller;
  /** Rooms a moderator put the user out of, for the notice in their place. */
  readonly removals = new RemovalStore();
  private readonly receipts: ReceiptScheduler;
  private readonly syncs: SyncSender;
  private readonly socket: SocketClient;
  private readonly queryClient: QueryClient;
  private status: ConnectionStatus = "stopped";
  /** Sync answered: the server has sent what we missed, so what is left in the outbox is unsent. */
  private synced = false;
  private connectedBefore = false;
  /** Sends known to be stored whose removal from the outbox is still scheduled: never resend. */
  private readonly stored = new Set<string>();
  private readonly statusListeners = new Set<() => void>();
  private readonly frameListeners = new Set<(frame: ServerFrame) => void>();
  private unwatchCaches: (() => void) | null = null;
  private lastCreatedAt = 0;

  constructor(private readonly options: RealtimeControllerOptions) {
    this.queryClient = options.queryClient;
    this.outbox = new OutboxStore(options.userId, options.outboxBackend ?? null);
    this.gaps = new GapFiller(options.queryClient, options.gapDelayMs);
    this.receipts = new ReceiptScheduler(
      (roomId, seq) => this.socket.send({ type: CLIENT_FRAME.RECEIPT, roomId, seq }),
      options.receiptIntervalMs,
    );
    this.syncs = new SyncSender(options.queryClient, (frame) => this.socket.send(frame));
    keepDeliveredWatermarks(options.queryClient);
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
    // Restored unsent messages go out before anything typed after them (pump waits for it).
    this.outbox.start(() => this.pump());
    this.unwatchCaches ??= watchMessageCaches(this.queryClient, (roomId, messages) =>
      this.cacheChanged(roomId, messages),
    );
    this.socket.start();
  }

  stop(): void {
    this.socket.stop();
    this.gaps.stop();
    this.receipts.stop();
    this.outbox.stop();
    this.syncs.stop();
    this.unwatchCaches?.();
    this.unwatchCaches = null;
  }

  /** The browser is back online. */
  retryConnectionNow(): void {
    this.socket.retryNow();
  }

  /** The browser went offline: stop trusting the socket; sends wait in the outbox. */
  connectionLost(): void {
    this.socket.drop();
  }

  readonly getStatus = (): ConnectionStatus => this.status;

  readonly subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  /** Queues a message; it shows as pending at once and goes out when its turn comes. */
  sendMessage(
    roomId: string,
    body: string,
    attachments: readonly Attachment[] = [],
    replyTo?: ReplyPreview,
    threadRootId?: string,
  ): string {
    const clientId = crypto.randomUUID();
    // Strictly increasing, so a restored outbox sorts back into the order it was typed in.
    this.lastCreatedAt = Math.max(Date.now(), this.lastCreatedAt + 1);
    const createdAt = new Date(this.lastCreatedAt).toISOString();
    // The files travel with the entry (persisted with it), so a retry sends the same ones.
    this.outbox.apply((s) =>
      enqueue(s, {
        clientId,
        roomId,
        body,
        createdAt,
        attachments,
        ...(replyTo ? { replyTo } : {}),
        ...(threadRootId ? { threadRootId } : {}),
      }),
    );
    this.pump();
    return clientId;
  }

  retrySend(clientId: string): void {
    this.outbox.apply((s) => retry(s, clientId));
    this.pump();
  }

  deleteSend(clientId: string): void {
    this.outbox.apply((s) => remove(s, clientId));
  }

  /**
   * The user left the room (here, in another tab or on another device): drop its history and
   * unsent messages — leaving was their own act, so nothing is lost that they wanted sent.
   */
  forgetRoom(roomId: string): void {
    this.forgetHistory(roomId);
    this.outbox.apply((s) => dropRoom(s, roomId));
  }

  /** The user dismissed the notice that they were removed from this room. */
  dismissRemoval(roomId: string): void {
    this.removals.clear(roomId);
  }

  private forgetHistory(roomId: string): void {
    this.queryClient.removeQueries({ queryKey: queryKeys.messages(roomId), exact: true });
    forgetDelivered(this.queryClient, roomId);
    this.receipts.forget(roomId);
  }

  /**
   * A moderator removed the user (kicked or banned): not their choice, so their unsent
   * messages stay in the outbox as failed, with the reason, instead of vanishing; and the app
   * shows a notice (in place of the room if it is open) rather than silently leaving it.
   */
  private removedFromRoom(roomId: string, reason: RemovalReason, roomName: string | null): void {
    this.forgetHistory(roomId);
    this.outbox.apply((s) => failRoom(s, roomId, removalText(reason, roomName)));
    this.removals.add({ roomId, roomName, reason });
  }

  /** The room's name from whichever cached copy has it (read before the caches change). */
  private cachedRoomName(roomId: string): string | null {
    const room =
      this.queryClient.getQueryData<Room>(queryKeys.room(roomId)) ??
      this.queryClient.getQueryData<Room[]>(queryKeys.myRooms)?.find((r) => r.id === roomId);
    return room?.name ?? null;
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

  /**
   * Every frame from the server, after the controller has applied it: features that live
   * beside the message flow (typing, presence, the inbox) listen here instead of growing
   * this class.
   */
  readonly subscribeFrames = (listener: (frame: ServerFrame) => void): (() => void) => {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  };

  /** Sends an ephemeral frame (typing); false when the socket is not open (it is not queued). */
  sendFrame(frame: ClientFrame): boolean {
    return this.status === "open" && this.socket.send(frame);
  }

  private handleFrame(frame: ServerFrame): void {
    this.applyFrame(frame);
    for (const listener of this.frameListeners) listener(frame);
  }

  private applyFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case SERVER_FRAME.READY:
        this.syncs.sync();
        // Rooms may have been joined, left or renamed while we were away.
        if (this.connectedBefore) void this.queryClient.invalidateQueries({ queryKey: queryKeys.rooms });
        this.connectedBefore = true;
        return;
      case SERVER_FRAME.SYNCED:
        this.synced = true;
        this.receipts.flush();
        this.syncs.check(this.canSync);
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
          this.refusedSend(clientId, frame.error.code);
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
        // Someone joined or left: an open member list refreshes (closed ones only go stale),
        // and so does the room, whose people name a group conversation.
        void this.queryClient.invalidateQueries({ queryKey: queryKeys.members(frame.roomId) });
        if (this.isConversation(frame.roomId)) {
          void this.queryClient.invalidateQueries({ queryKey: queryKeys.room(frame.roomId), exact: true });
          void this.queryClient.invalidateQueries({ queryKey: queryKeys.myRooms });
        }
        return;
      case SERVER_FRAME.ROOM_UPDATED:
        applyRoomChanges(this.queryClient, frame.roomId, frame.changes);
        return;
      case SERVER_FRAME.DELIVERED:
        raiseDelivered(this.queryClient, frame.roomId, frame.seq);
        return;
    }
  }

  /** A mute or an archiving we did not know of: refresh what the composer decides from. */
  private refusedSend(clientId: string, code: string): void {
    if (code !== "MUTED" && code !== "ROOM_ARCHIVED") return;
    const entry = this.outbox.getSnapshot().find((e) => e.clientId === clientId);
    if (entry) void this.queryClient.invalidateQueries({ queryKey: queryKeys.room(entry.roomId) });
  }

  private isConversation(roomId: string): boolean {
    const room = this.queryClient.getQueryData<Room>(queryKeys.room(roomId));
    const listed = this.queryClient.getQueryData<Room[]>(queryKeys.myRooms)?.find((r) => r.id === roomId);
    const kind = (room ?? listed)?.kind;
    return kind === "dm" || kind === "group";
  }

  private readonly canSync = (): boolean => this.status === "open" && this.synced;

  /** A room's messages changed (live, sync replay, gap fill, first page, older page). */
  private cacheChanged(roomId: string, messages: readonly Message[]): void {
    const seq = receiptDue(messages, this.receipts.reported(roomId), this.options.userId);
    if (seq !== null) this.receipts.offer(roomId, seq);
    if (this.synced) this.syncs.check(this.canSync, roomId);
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

  private handleMembership({ roomId, joined, room, reason }: MembershipFrame): void {
    const roomName = room?.name ?? this.cachedRoomName(roomId);
    if (room) {
      // A fetch of the room started before this change would land after it with the old
      // state (the mute undone on screen): drop it, then set the server's word.
      const key = queryKeys.room(roomId);
      void this.queryClient
        .cancelQueries({ queryKey: key, exact: true })
        .then(() => this.queryClient.setQueryData(key, room));
      // A role change comes this way too: the member list (my badge, my menus) follows.
      void this.queryClient.invalidateQueries({ queryKey: queryKeys.members(roomId) });
    } else {
      void this.queryClient.invalidateQueries({ queryKey: queryKeys.room(roomId) });
    }
    void this.queryClient.invalidateQueries({ queryKey: queryKeys.myRooms });
    void this.queryClient.invalidateQueries({ queryKey: queryKeys.publicRooms });
    if (joined) {
      this.removals.clear(roomId);
    } else if (reason === "kicked" || reason === "banned") {
      this.removedFromRoom(roomId, reason, roomName);
    } else {
      this.forgetRoom(roomId);
      this.options.onLeftRoom(roomId);
    }
  }

  /** Sends, per room, the oldest queued message unless one is already waiting for its ack. */
  private pump(): void {
    if (this.status !== "open" || !this.synced || !this.outbox.ready) return;
    for (const entry of nextToSend(this.outbox.getSnapshot())) {
      if (this.stored.has(entry.clientId)) continue;
      const sent = this.socket.send({
        type: CLIENT_FRAME.SEND,
        roomId: entry.roomId,
        clientId: entry.clientId,
        body: entry.body,
        ...(entry.attachments?.length ? { attachmentIds: entry.attachments.map((a) => a.id) } : {}),
        ...(entry.replyTo ? { replyToId: entry.replyTo.id } : {}),
        ...(entry.threadRootId ? { threadRootId: entry.threadRootId } : {}),
      });
      if (!sent) return;
      this.outbox.apply((s) => markSending(s, entry.clientId));
    }
  }
}
