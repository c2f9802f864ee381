import { CLIENT_FRAME, SERVER_FRAME, type SendFrame, type ServerFrame, SOCKET_PATH } from "@parley/protocol";
import WebSocket from "ws";

const SYNC_TIMEOUT_MS = 10_000;

/** One user's chat socket: hands every server frame to `onFrame` with its arrival time. */
export class BenchSocket {
  private readonly ws: WebSocket;
  private closedByUs = false;
  private syncWaiter: (() => void) | undefined;

  private constructor(
    url: string,
    cookie: string,
    private readonly onFrame: (frame: ServerFrame, at: number) => void,
    onUnexpectedClose: (code: number, reason: string) => void,
  ) {
    this.ws = new WebSocket(url, { headers: { cookie } });
    this.ws.on("message", (data) => {
      const at = performance.now();
      // Trusted without zod on purpose: the server's frames are validated by the protocol
      // tests, and parsing ~100k frames with zod would cost this process more CPU than the
      // server spends sending them, on the same 2 cores. The checker still verifies content.
      const frame = JSON.parse(data.toString()) as ServerFrame;
      if (frame.type === SERVER_FRAME.SYNCED) this.syncWaiter?.();
      this.onFrame(frame, at);
    });
    this.ws.on("close", (code, reason) => {
      if (!this.closedByUs) onUnexpectedClose(code, reason.toString());
    });
  }

  static async open(
    port: number,
    cookie: string,
    onFrame: (frame: ServerFrame, at: number) => void,
    onUnexpectedClose: (code: number, reason: string) => void,
  ): Promise<BenchSocket> {
    const socket = new BenchSocket(`ws://127.0.0.1:${port}${SOCKET_PATH}`, cookie, onFrame, onUnexpectedClose);
    await new Promise<void>((resolve, reject) => {
      socket.ws.once("open", () => resolve());
      socket.ws.once("unexpected-response", (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
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
