import { CLIENT_FRAME, SERVER_FRAME, type ServerFrame, SOCKET_PATH } from "@parley/protocol";
import { io, type Socket } from "socket.io-client";
import WebSocket from "ws";
import { monoMs } from "../clock";
import { senderOf } from "./fleet";
import type { SocketSpec } from "./protocol";

const READY_TIMEOUT_MS = 15_000;
/** The web app's delivery-receipt interval (RECEIPT_INTERVAL_MS in its receipts.ts). */
const RECEIPT_INTERVAL_MS = 750;

/** What a socket reports to the fleet that owns it. `at` is monoMs() at arrival. */
export interface ClientEvents {
  message(client: ChatClient, seq: number, id: string, clientId: string, body: string, at: number): void;
  ack(client: ChatClient, clientId: string, seq: number, id: string, duplicate: boolean, at: number): void;
  error(kind: string): void;
  /** Closed or failed without being asked to: the phase cannot be trusted any more. */
  broken(client: ChatClient, reason: string): void;
}

/** One generator socket, to Parley or to the Socket.IO baseline. */
export interface ChatClient {
  readonly id: number;
  readonly room: string | null;
  /** Whether the server acks sends (Parley does, after commit; the baseline does not). */
  readonly acks: boolean;
  /** Sends so far, for unique clientIds. */
  sent: number;
  send(clientId: string, body: string): void;
  close(): void;
}

/**
 * A raw `ws` socket speaking Parley's protocol, as the web app does: cookie on the upgrade,
 * `ready`, then a sync of its room from seq 0 so live messages flow.
 */
export class ParleyClient implements ChatClient {
  readonly acks = true;
  sent = 0;
  private closedByUs = false;
  private waiter: { type: string; resolve: () => void } | undefined;
  /** The newest seq to report, and the pending receipt's timer. */
  private readonly receipt: { due: number; timer?: ReturnType<typeof setTimeout> } = { due: 0 };

  private constructor(
    private readonly ws: WebSocket,
    readonly id: number,
    readonly room: string | null,
    events: ClientEvents,
  ) {
    ws.on("message", (data) => {
      const at = monoMs();
      // Trusted without zod on purpose: the protocol tests validate the server's frames, and
      // zod on every delivery would cost this process more than the server spends sending.
      const frame = JSON.parse(data.toString()) as ServerFrame;
      switch (frame.type) {
        case SERVER_FRAME.MESSAGE: {
          const m = frame.message;
          events.message(this, m.seq, m.id, m.clientId, m.body, at);
          if (senderOf(m.clientId) !== this.id) this.offerReceipt(m.seq);
          break;
        }
        case SERVER_FRAME.ACK:
          events.ack(this, frame.clientId, frame.message.seq, frame.message.id, frame.duplicate, at);
          break;
        case SERVER_FRAME.ERROR:
          events.error(`error frame ${frame.error.code}`);
          break;
        case SERVER_FRAME.RESYNC:
          // The server gave up replaying to this socket: its stream has a hole by design.
          events.error("room.resync");
          break;
      }
      if (this.waiter?.type === frame.type) this.waiter.resolve();
    });
    ws.on("close", (code, reason) => {
      if (!this.closedByUs) events.broken(this, `socket closed: ${code} ${reason.toString()}`);
    });
    // Without a listener an 'error' event would throw and kill the worker.
    ws.on("error", (error) => {
      if (!this.closedByUs) events.broken(this, `socket error: ${error.message}`);
    });
  }

  /** Resolves once the server has authenticated the socket (`ready`) and, in a room, synced it. */
  static async open(port: number, spec: SocketSpec, events: ClientEvents): Promise<ParleyClient> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${SOCKET_PATH}`, {
      headers: spec.cookie ? { cookie: spec.cookie } : {},
      perMessageDeflate: false,
    });
    const client = new ParleyClient(ws, spec.id, spec.room, events);
    const ready = client.expect(SERVER_FRAME.READY);
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once("error", reject);
    });
    await ready;
    if (spec.room) {
      const synced = client.expect(SERVER_FRAME.SYNCED);
      ws.send(JSON.stringify({ type: CLIENT_FRAME.SYNC, cursors: [{ roomId: spec.room, afterSeq: 0 }] }));
      await synced;
    }
    return client;
  }

  /**
   * Delivery receipts, as the web app sends them (apps/web/src/features/realtime/receipts.ts):
   * someone else's message starts a timer, and when it fires the newest seq received by then
   * goes out — one frame per room per interval. The server records them and tells the authors
   * their messages were delivered: work a real room costs, so the bench does it too.
   */
  private offerReceipt(seq: number): void {
    if (seq <= this.receipt.due) return;
    this.receipt.due = seq;
    if (this.receipt.timer) return;
    this.receipt.timer = setTimeout(() => {
      this.receipt.timer = undefined;
      if (this.room && this.ws.readyState === WebSocket.OPEN) {
        this.ws.send(
          JSON.stringify({ type: CLIENT_FRAME.RECEIPT, roomId: this.room, seq: this.receipt.due }),
        );
      }
    }, RECEIPT_INTERVAL_MS);
  }

  send(clientId: string, body: string): void {
    if (!this.room) throw new Error("idle socket cannot send");
    this.ws.send(JSON.stringify({ type: CLIENT_FRAME.SEND, roomId: this.room, clientId, body }));
  }

  close(): void {
    this.closedByUs = true;
    clearTimeout(this.receipt.timer);
    this.ws.close();
  }

  private expect(type: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${type} did not arrive`)), READY_TIMEOUT_MS);
      this.waiter = {
        type,
        resolve: () => {
          clearTimeout(timer);
          this.waiter = undefined;
          resolve();
        },
      };
    });
  }
}

/** What the baseline broadcasts: clientId, body, and the room's seq (see baseline server). */
export interface BaselinePayload {
  c: string;
  b: string;
  s: number;
}

/** A socket.io-client socket to the baseline, WebSocket transport only (no long-polling). */
export class SocketIoClient implements ChatClient {
  readonly acks = false;
  sent = 0;
  private closedByUs = false;

  private constructor(
    private readonly socket: Socket,
    readonly id: number,
    readonly room: string | null,
    events: ClientEvents,
  ) {
    socket.on("msg", (m: BaselinePayload) => events.message(this, m.s, m.c, m.c, m.b, monoMs()));
    socket.on("disconnect", (reason) => {
      if (!this.closedByUs) events.broken(this, `socket.io disconnect: ${reason}`);
    });
  }

  static async open(port: number, spec: SocketSpec, events: ClientEvents): Promise<SocketIoClient> {
    const socket = io(`http://127.0.0.1:${port}`, {
      transports: ["websocket"],
      query: spec.room ? { room: spec.room } : {},
      reconnection: false,
      forceNew: true,
      timeout: READY_TIMEOUT_MS,
    });
    // Listeners first: nothing the server sends after the handshake may be missed.
    const client = new SocketIoClient(socket, spec.id, spec.room, events);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", (error) => reject(error));
    });
    return client;
  }

  send(clientId: string, body: string): void {
    this.socket.emit("msg", { c: clientId, b: body });
  }

  close(): void {
    this.closedByUs = true;
    this.socket.disconnect();
  }
}
