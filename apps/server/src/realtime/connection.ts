import type { Socket } from "node:net";
import {
  CLIENT_FRAME,
  CLOSE_CODES,
  ClientFrame,
  type Message,
  type PresenceFrame,
  type PresenceWatchFrame,
  RESUME_MAX_MESSAGES,
  type ReceiptFrame,
  SERVER_FRAME,
  type SendFrame,
  type ServerFrame,
  type SyncFrame,
  type TypingFrame,
} from "@parley/protocol";
import type { WebSocket } from "ws";
import type { AppContext } from "../context";
import type { SessionUser } from "../domains/accounts/sessions";
import { messagesAfter } from "../domains/messages/queries";
import { deliveredWatermark } from "../domains/receipts/record-receipt";
import { AppError } from "../errors";
import type { BusEvent } from "./bus";
import { ConnectionAwareness } from "./connection-awareness";
import { FrameBudget } from "./frame-budget";
import type { Hub, HubMember } from "./hub";
import { decideLive, type RoomStream } from "./room-stream";
import { textFrame } from "./ws-frame";

const CATCH_UP_PAGE = 200;
/** How long a catch-up waits for a peer that stopped reading before dropping it. */
const CATCH_UP_STALL_MS = 30_000;
/**
 * A message.new frame is serialised and framed once (textFrame) and the same bytes are written
 * to every recipient: fan-out then costs a socket write per member, not a JSON.stringify, a
 * UTF-8 encoding and a frame header.
 */
const framedMessages = new WeakMap<Message, Buffer>();

/** The clientId of a send-shaped frame, so even a refused send can be matched by the client. */
function clientIdOf(json: unknown): string | undefined {
  const value =
    typeof json === "object" && json !== null ? (json as { clientId?: unknown }).clientId : undefined;
  return typeof value === "string" && value.length <= 64 ? value : undefined;
}

function messageFrame(message: Message): Buffer {
  let frame = framedMessages.get(message);
  if (frame === undefined) {
    frame = textFrame(JSON.stringify({ type: SERVER_FRAME.MESSAGE, message } satisfies ServerFrame));
    framedMessages.set(message, frame);
  }
  return frame;
}

/** One authenticated WebSocket: keeps each room's stream in order and handles client frames. */
export class Connection implements HubMember {
  readonly userId: string;
  private readonly streams = new Map<string, RoomStream>();
  /** Sends submitted and not yet answered, so shutdown can wait for their acks. */
  private readonly inFlight = new Set<Promise<void>>();
  private started: Promise<void> | undefined;
  private closed = false;
  private draining = false;
  private corked = false;
  private readonly budget: FrameBudget;
  /** Typing and presence: ephemeral, so kept apart from the ordered room streams. */
  private readonly awareness: ConnectionAwareness;
  /** Set by the heartbeat: false until the socket answers the last ping. */
  alive = true;

  constructor(
    private readonly ctx: AppContext,
    private readonly hub: Hub,
    private readonly socket: WebSocket,
    private readonly user: SessionUser,
    readonly tokenHash: string,
    /** The client's address (from the upgrade request), for the per-IP posting limit. */
    private readonly ip: string,
  ) {
    this.userId = user.id;
    this.budget = new FrameBudget(ctx.config.realtime.frameBurst, ctx.config.realtime.framesPerSecond);
    this.awareness = new ConnectionAwareness(
      ctx,
      hub,
      this,
      { id: user.id, displayName: user.displayName },
      (frame) => this.send(frame),
    );
  }

  /** Registers with the hub for the user's rooms and greets the client. */
  start(): Promise<void> {
    this.started ??= (async () => {
      this.awareness.opened();
      this.hub.addUser(this);
      const memberships = await this.ctx.db
        .selectFrom("room_members")
        .select("room_id")
        .where("user_id", "=", this.userId)
        .execute();
      if (this.closed) return;
      for (const { room_id } of memberships) this.openStream(room_id, "awaiting-sync");
      this.send({ type: SERVER_FRAME.READY, user: { id: this.user.id, displayName: this.user.displayName } });
    })();
    return this.started;
  }

  async onRawFrame(raw: string): Promise<void> {
    await this.start();
    if (this.draining) return;
    // Every frame, valid or not, spends from the budget, so a flood of garbage is limited
    // exactly like a flood of sends.
    const allowed = this.budget.take();
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return this.sendError(new AppError("VALIDATION_FAILED", "Frame is not valid JSON"));
    }
    const clientId = clientIdOf(json);
    if (!allowed) {
      const wait = this.budget.retryAfterSeconds();
      return this.sendError(
        new AppError("RATE_LIMITED", `Too many frames; retry in ${wait} s`, { retryAfterSeconds: wait }),
        clientId,
      );
    }
    const parsed = ClientFrame.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join(".");
      const message = issue ? `${where ? `${where}: ` : ""}${issue.message}` : "Invalid frame";
      return this.sendError(new AppError("VALIDATION_FAILED", message), clientId);
    }
    const frame = parsed.data;
    if (frame.type === CLIENT_FRAME.SYNC) return this.handleSync(frame);
    if (frame.type === CLIENT_FRAME.RECEIPT) return this.handleReceipt(frame);
    if (frame.type === CLIENT_FRAME.SEND) return this.handleSend(frame);
    return this.handleAwareness(frame);
  }

  onRoomEvent(roomId: string, event: BusEvent): void {
    if (event.type === "profile.updated") {
      this.forwardProfile(event);
      return;
    }
    if (event.type === "typing") {
      // Never echoed to the typist, on any of their devices.
      if (event.user.id !== this.userId && this.streams.has(roomId))
        this.send({ type: SERVER_FRAME.TYPING, roomId, user: event.user });
      return;
    }
    if (event.type === "room.updated") {
      this.send({ type: SERVER_FRAME.ROOM_UPDATED, roomId, changes: event.changes });
      return;
    }
    if (event.type === "receipt.read") {
      // My own devices know how far I read from `read.updated`.
      if (event.receipt.userId !== this.userId)
        this.send({ type: SERVER_FRAME.READ_RECEIPT, roomId, receipt: event.receipt });
      return;
    }
    if (event.type === "room.members") {
      this.send({ type: SERVER_FRAME.ROOM_MEMBERS, roomId, memberCount: event.memberCount });
      return;
    }
    if (event.type !== "message.new") return;
    const stream = this.streams.get(roomId);
    if (!stream) return;
    if (stream.pending === 0) {
      // Nothing of this room is being read or sent for this socket: the common case (the next
      // message, in order) is written at once, without a step on the chain.
      const decision = decideLive(stream.cursor, event.message);
      if (decision.kind === "skip") return;
      if (decision.kind === "send") {
        this.sendMessageFrame(stream, event.message);
        return;
      }
    }
    this.enqueue(stream, () => this.deliverLive(roomId, stream, event.message));
  }

  onUserEvent(event: BusEvent): void {
    if (event.type === "profile.updated") {
      this.forwardProfile(event);
      return;
    }
    if (event.type === "user.deactivated") {
      this.close(CLOSE_CODES.UNAUTHENTICATED, "account deactivated");
      return;
    }
    if (event.type === "session.ended") {
      if (event.tokenHash === this.tokenHash) this.close(CLOSE_CODES.UNAUTHENTICATED, "signed out");
      return;
    }
    if (event.type === "delivered") {
      this.send({ type: SERVER_FRAME.DELIVERED, roomId: event.roomId, seq: event.seq });
      return;
    }
    if (event.type === "read.updated") {
      this.send({ type: SERVER_FRAME.READ, read: event.read });
      return;
    }
    if (event.type === "notification.new") {
      this.send({ type: SERVER_FRAME.NOTIFICATION, notification: event.notification });
      return;
    }
    if (event.type === "notifications.read") {
      this.send({ type: SERVER_FRAME.NOTIFICATIONS_READ, read: event.read, unreadCount: event.unreadCount });
      return;
    }
    if (event.type !== "membership") return;
    if (event.joined) {
      // A room joined elsewhere: the client loads it over REST, so pass live messages through.
      if (!this.streams.has(event.roomId)) this.openStream(event.roomId, null);
    } else {
      this.closeStream(event.roomId);
    }
    this.send({
      type: SERVER_FRAME.MEMBERSHIP,
      roomId: event.roomId,
      joined: event.joined,
      room: event.room,
      ...(event.reason ? { reason: event.reason } : {}),
    });
  }

  onPresenceEvent(event: BusEvent): void {
    this.awareness.onPresenceEvent(event);
  }

  /** The socket answered a ping. */
  heartbeatAnswered(): void {
    this.alive = true;
    this.awareness.heartbeat();
  }

  /**
   * A profile change is published on the person's user topic and on each of their rooms'
   * (domains/profiles/announce-profile.ts); this socket may hear the same event on several.
   * The in-process bus hands every topic the same object, one after the other: forward it
   * once. (Across nodes a copy may come twice; the client's cache write is idempotent.)
   */
  private lastProfileEvent: BusEvent | null = null;
  private forwardProfile(event: Extract<BusEvent, { type: "profile.updated" }>): void {
    if (event === this.lastProfileEvent) return;
    this.lastProfileEvent = event;
    this.send({ type: SERVER_FRAME.PROFILE_UPDATED, profile: event.profile });
  }

  /** Stops taking frames and waits for the sends in progress to be stored and acked. */
  async drain(): Promise<void> {
    this.draining = true;
    await Promise.all(this.inFlight);
  }

  ping(): void {
    this.socket.ping();
  }

  /** Drops a socket that stopped answering, without a closing handshake. */
  terminate(): void {
    this.dispose();
    this.socket.terminate();
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.dispose();
    this.socket.close(code, reason);
    // A peer that does not read will not complete the closing handshake either: drop it
    // soon so its buffered frames are freed.
    setTimeout(() => this.socket.terminate(), 10_000).unref();
  }

  /** Called when the socket is gone, whatever closed it. */
  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.awareness.dispose();
    for (const roomId of this.streams.keys()) this.hub.removeFromRoom(roomId, this);
    this.streams.clear();
    this.hub.removeUser(this);
  }

  private openStream(roomId: string, cursor: RoomStream["cursor"]): void {
    this.streams.set(roomId, { cursor, chain: Promise.resolve(), pending: 0 });
    this.hub.addToRoom(roomId, this);
  }

  private closeStream(roomId: string): void {
    if (!this.streams.delete(roomId)) return;
    this.hub.removeFromRoom(roomId, this);
  }

  private async handleSync(frame: SyncFrame): Promise<void> {
    const wanted = new Map(frame.cursors.map((c) => [c.roomId, c.afterSeq]));
    const work: Promise<void>[] = [];
    for (const [roomId, stream] of this.streams) {
      const after = wanted.get(roomId);
      wanted.delete(roomId);
      work.push(
        this.enqueue(stream, async () => {
          stream.cursor = after ?? null;
          if (after === undefined) return;
          await this.catchUp(roomId, stream, after);
          // Where delivery of this user's own messages stands, for their "delivered" marks.
          const delivered = await deliveredWatermark(this.ctx, this.userId, roomId);
          if (delivered > 0) this.send({ type: SERVER_FRAME.DELIVERED, roomId, seq: delivered });
        }),
      );
    }
    // Cursors for rooms the user is no longer in: tell the client to drop them.
    for (const roomId of wanted.keys()) {
      this.send({ type: SERVER_FRAME.MEMBERSHIP, roomId, joined: false, room: null });
    }
    await Promise.all(work);
    this.send({ type: SERVER_FRAME.SYNCED });
  }

  /** Sends every message after `after` (up to the room's newest), or a resync if too many. */
  private async catchUp(roomId: string, stream: RoomStream, after: number, until?: number): Promise<void> {
    const room = await this.ctx.db
      .selectFrom("rooms")
      .select("last_seq")
      .where("id", "=", roomId)
      .executeTakeFirst();
    const lastSeq = Number(room?.last_seq ?? 0);
    if (after > lastSeq || lastSeq - after > RESUME_MAX_MESSAGES) {
      // The client is further behind than we replay (or ahead of the server): it must reload.
      stream.cursor = null;
      this.send({ type: SERVER_FRAME.RESYNC, roomId });
      return;
    }
    let cursor = after;
    for (;;) {
      const page = await messagesAfter(this.ctx.db, roomId, cursor, CATCH_UP_PAGE, until);
      for (const message of page.messages) {
        // A catch-up can be megabytes: pace it by the socket instead of tripping the
        // slow-consumer bound that protects live fan-out.
        if (!(await this.drained())) return;
        this.sendMessageFrame(stream, message);
      }
      const last = page.messages.at(-1);
      if (!page.hasMore || !last || this.closed) return;
      cursor = last.seq;
    }
  }

  private async deliverLive(roomId: string, stream: RoomStream, message: Message): Promise<void> {
    const decision = decideLive(stream.cursor, message);
    if (decision.kind === "skip") return;
    // Events can arrive out of order (two commits racing to publish): read the gap first.
    if (decision.kind === "fill") await this.catchUp(roomId, stream, decision.after, message.seq);
    this.sendMessageFrame(stream, message);
  }

  /**
   * Resolves true once the socket's queue is below a quarter of its bound, false if the
   * connection closed or the peer did not read for CATCH_UP_STALL_MS (then it is closed as
   * too slow and will resume from its cursor).
   */
  private async drained(): Promise<boolean> {
    const low = this.ctx.config.realtime.maxBufferedBytes / 4;
    const started = Date.now();
    while (!this.closed && this.socket.bufferedAmount > low) {
      if (Date.now() - started > CATCH_UP_STALL_MS) {
        this.close(CLOSE_CODES.TOO_SLOW, "client too slow");
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return !this.closed;
  }

  private sendMessageFrame(stream: RoomStream, message: Message): void {
    if (typeof stream.cursor === "number") {
      if (message.seq <= stream.cursor) return;
      stream.cursor = message.seq;
    }
    this.writeFrame(messageFrame(message));
  }

  private async handleReceipt(frame: ReceiptFrame): Promise<void> {
    try {
      // The recorder asks the rules (SOCKET_RULES.receipt), reading access for a burst at once.
      await this.ctx.receipts.record({ userId: this.userId, roomId: frame.roomId, seq: frame.seq });
    } catch (error) {
      this.sendError(error);
    }
  }

  private async handleAwareness(frame: TypingFrame | PresenceFrame | PresenceWatchFrame): Promise<void> {
    try {
      if (frame.type === CLIENT_FRAME.TYPING) await this.awareness.onTyping(frame);
      else if (frame.type === CLIENT_FRAME.PRESENCE) this.awareness.onPresence(frame);
      else await this.awareness.onWatch(frame);
    } catch (error) {
      this.sendError(error);
    }
  }

  private handleSend(frame: SendFrame): Promise<void> {
    // The pipeline queues sends in the order they are submitted, and frames are handled in
    // arrival order, so one connection's messages keep their order without waiting on acks.
    // The posting limit is the user's and the IP's, shared with their other sockets and REST
    // calls; the frame budget above only stops one connection from flooding.
    // The frame was parsed with ClientFrame, whose send schema has the REST body's fields and checks.
    const done = this.ctx.sends.submitParsed(this.user, frame.roomId, frame, this.ip).then(
      (result) =>
        this.send({
          type: SERVER_FRAME.ACK,
          clientId: frame.clientId,
          message: result.message,
          duplicate: result.duplicate,
        }),
      (error) => this.sendError(error, frame.clientId),
    );
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
    return done;
  }

  private enqueue(stream: RoomStream, step: () => Promise<void>): Promise<void> {
    stream.pending += 1;
    const run = stream.chain
      .then(step)
      .catch((error) => {
        this.ctx.log.error({ err: error, userId: this.userId }, "room stream step failed");
        // A failed read must not leave a silent hole: make the client reconnect and resume.
        this.close(CLOSE_CODES.SERVER_RESTART, "stream error");
      })
      .finally(() => {
        stream.pending -= 1;
      });
    stream.chain = run;
    return run;
  }

  private sendError(error: unknown, clientId?: string): void {
    const appError =
      error instanceof AppError ? error : new AppError("INTERNAL", "Something went wrong on the server");
    if (!(error instanceof AppError)) this.ctx.log.error({ err: error }, "socket frame failed");
    this.send({
      type: SERVER_FRAME.ERROR,
      ...(clientId ? { clientId } : {}),
      error: appError.toBody().error,
      ...(appError.retryAfterSeconds ? { retryAfterSeconds: appError.retryAfterSeconds } : {}),
    });
  }

  private send(frame: ServerFrame): void {
    this.write(JSON.stringify(frame));
  }

  private write(text: string): void {
    if (!this.writable()) return;
    this.corkUntilEndOfTick();
    this.socket.send(text);
  }

  /**
   * Writes a complete frame (ws-frame.ts) straight to the TCP socket. Safe beside ws's own
   * writes because ws queues nothing of ours: without permessage-deflate (we never enable it)
   * and without fragmented sends, its sender writes each frame to the socket at once, so
   * writes keep the order they are made in. `bufferedAmount` counts these bytes too.
   */
  private writeFrame(frame: Buffer): void {
    if (!this.writable()) return;
    const raw = this.rawSocket();
    if (!raw) return;
    this.corkUntilEndOfTick();
    raw.write(frame);
  }

  private writable(): boolean {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return false;
    // Backpressure: a client that does not read cannot make us buffer without bound. It is
    // closed with TOO_SLOW and resumes from its last sequence when it reconnects.
    if (this.socket.bufferedAmount > this.ctx.config.realtime.maxBufferedBytes) {
      this.close(CLOSE_CODES.TOO_SLOW, "client too slow");
      return false;
    }
    return true;
  }

  /** ws keeps its net.Socket in the private `_socket` field; there is no public accessor. */
  private rawSocket(): Socket | undefined {
    return (this.socket as unknown as { _socket?: Socket })._socket;
  }

  /**
   * Frames written to one socket in the same turn of the event loop (a committed batch fans
   * out as many frames at once) leave in one system call instead of one each: cork the TCP
   * socket on the first write, uncork on the next tick.
   */
  private corkUntilEndOfTick(): void {
    if (this.corked) return;
    // cork/uncork nest, so ws's own per-frame cork inside send() still works.
    const raw = this.rawSocket();
    if (!raw) return;
    raw.cork();
    this.corked = true;
    process.nextTick(() => {
      this.corked = false;
      raw.uncork();
    });
  }
}
