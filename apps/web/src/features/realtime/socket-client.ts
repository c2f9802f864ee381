import { CLOSE_CODES, type ClientFrame, SERVER_FRAME, ServerFrame } from "@parley/protocol";
import { backoffDelay } from "./backoff";

/**
 * The chat WebSocket, with no React and no cache in it: it connects, parses frames with the
 * protocol schema, and reconnects with backoff until stopped or told the session is gone.
 */
export type ConnectionStatus =
  /** First attempt, nothing shown yet. */
  | "connecting"
  /** The server said `ready`: authenticated and live. */
  | "open"
  /** Lost the connection; retrying with backoff. */
  | "reconnecting"
  /** Closed with 4401: the session is gone. No more attempts. */
  | "signed-out"
  | "stopped";

/** The part of the browser WebSocket this client uses (a fake stands in for it in tests). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

const OPEN = 1;
/** A connection that has not said `ready` by then is treated as dead. */
const READY_TIMEOUT_MS = 10_000;

export interface SocketClientOptions {
  /** Read at each connect (it needs `window`, which server rendering does not have). */
  url: () => string;
  onFrame: (frame: ServerFrame) => void;
  onStatus: (status: ConnectionStatus) => void;
  createSocket?: (url: string) => SocketLike;
  random?: () => number;
}

export class SocketClient {
  private socket: SocketLike | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readyTimer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private status: ConnectionStatus = "stopped";

  constructor(private readonly options: SocketClientOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.connect("connecting");
  }

  stop(): void {
    this.running = false;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, "client stopped");
    this.setStatus("stopped");
  }

  /** Sends a frame if the socket is live; false means the caller should keep it for later. */
  send(frame: ClientFrame): boolean {
    if (this.status !== "open" || this.socket?.readyState !== OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /**
   * The browser says it is back online: skip the rest of the backoff wait, and start the
   * backoff over (an attempt still under way failed because we were offline, not because
   * the server is struggling).
   */
  retryNow(): void {
    if (!this.running) return;
    this.attempt = 0;
    if (this.retryTimer === null) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.connect("reconnecting");
  }

  /**
   * The browser says it went offline: give the connection up now rather than wait for it to
   * time out (an open socket can linger, deaf, for a long time) and retry with backoff. Sends
   * meanwhile stay in the outbox instead of vanishing into a dead socket.
   */
  drop(): void {
    const socket = this.socket;
    if (!this.running || socket === null) return;
    this.socket = null;
    socket.close(4000, "offline");
    this.handleClose(1006);
  }

  private connect(status: "connecting" | "reconnecting"): void {
    this.setStatus(status);
    // The DOM types its handlers with `this: WebSocket` and DOM events; SocketLike declares
    // only what this class reads, so the browser socket fits it at runtime.
    const create = this.options.createSocket ?? ((url: string) => new WebSocket(url) as SocketLike);
    const socket = create(this.options.url());
    this.socket = socket;
    this.readyTimer = setTimeout(() => socket.close(4000, "no ready frame"), READY_TIMEOUT_MS);
    // Every handler checks it still belongs to the current socket: a late event from a
    // replaced socket must not touch the new one's state.
    socket.onmessage = (event) => {
      if (socket === this.socket) this.handleMessage(event.data);
    };
    socket.onclose = (event) => {
      if (socket === this.socket) this.handleClose(event.code);
    };
    socket.onerror = () => {
      // A close event always follows; reconnecting is decided there.
    };
  }

  private handleMessage(data: unknown): void {
    let json: unknown;
    try {
      json = JSON.parse(String(data));
    } catch {
      console.warn("parley: ignoring a socket frame that is not JSON");
      return;
    }
    const parsed = ServerFrame.safeParse(json);
    if (!parsed.success) {
      console.warn("parley: ignoring an unknown socket frame", parsed.error.issues);
      return;
    }
    if (parsed.data.type === SERVER_FRAME.READY) {
      if (this.readyTimer !== null) clearTimeout(this.readyTimer);
      this.readyTimer = null;
      // Only a connection that got as far as `ready` resets the backoff; one that opens and
      // is closed at once keeps backing off instead of hammering the server.
      this.attempt = 0;
      this.setStatus("open");
    }
    this.options.onFrame(parsed.data);
  }

  private handleClose(code: number): void {
    this.socket = null;
    this.clearTimers();
    if (!this.running) return;
    if (code === CLOSE_CODES.UNAUTHENTICATED) {
      this.running = false;
      this.setStatus("signed-out");
      return;
    }
    this.setStatus("reconnecting");
    const delay = backoffDelay(this.attempt, this.options.random);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect("reconnecting");
    }, delay);
  }

  private clearTimers(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    if (this.readyTimer !== null) clearTimeout(this.readyTimer);
    this.retryTimer = null;
    this.readyTimer = null;
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.options.onStatus(status);
  }
}
