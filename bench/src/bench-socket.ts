import { CLIENT_FRAME, SERVER_FRAME, type SendFrame, type ServerFrame, SOCKET_PATH } from "@parley/protocol";
import WebSocket from "ws";

const SYNC_TIMEOUT_MS = 10_000;

export interface SocketHandlers {
  /** Every server frame, with performance.now() at its arrival. */
  frame(frame: ServerFrame, at: number): void;
  /** The socket closed or failed without us asking: the run cannot be trusted any more. */
  broken(reason: string): void;
}

/** One user's chat socket: hands every server frame to the handlers with its arrival time. */
export class BenchSocket {
  private readonly ws: WebSocket;
  private closedByUs = false;
  private syncWaiter: (() => void) | undefined;

  private constructor(url: string, cookie: string, handlers: SocketHandlers) {
    this.ws = new WebSocket(url, { headers: { cookie } });
    this.ws.on("message", (data) => {
      const at = performance.now();
      // Trusted without zod on purpose: the server's frames are validated by the protocol
      // tests, and parsing ~100k frames with zod would cost this process more CPU than the
      // server spends sending them, on the same 2 cores. The checker still verifies content.
      const frame = JSON.parse(data.toString()) as ServerFrame;
      if (frame.type === SERVER_FRAME.SYNCED) this.syncWaiter?.();
      handlers.frame(frame, at);
    });
    this.ws.on("close", (code, reason) => {
      if (!this.closedByUs) handlers.broken(`socket closed: ${code} ${reason.toString()}`);
    });
    // Without a listener an 'error' event would throw and kill the bench without cleanup.
    this.ws.on("error", (error) => {
      if (!this.closedByUs) handlers.broken(`socket error: ${error.message}`);
    });
  }

  static async open(port: number, cookie: string, handlers: SocketHandlers): Promise<BenchSocket> {
    const socket = new BenchSocket(`ws://127.0.0.1:${port}${SOCKET_PATH}`, cookie, handlers);
    await new Promise<void>((resolve, reject) => {
      socket.ws.once("open", () => resolve());
      socket.ws.once("unexpected-response", (_req, res) =>
        reject(new Error(`upgrade refused: ${res.statusCode}`)),
      );
      socket.ws.once("error", reject);
    });
    return socket;
  }

  /** Tells the server where this user is in the room and waits for the catch-up to finish. */
  async sync(roomId: string, afterSeq: number): Promise<void> {
    const done = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("sync.done did not arrive")), SYNC_TIMEOUT_MS);
      this.syncWaiter = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.ws.send(JSON.stringify({ type: CLIENT_FRAME.SYNC, cursors: [{ roomId, afterSeq }] }));
    await done;
    this.syncWaiter = undefined;
  }

  send(frame: SendFrame): void {
    this.ws.send(JSON.stringify(frame));
  }

  close(): void {
    this.closedByUs = true;
    this.ws.close();
  }
}
