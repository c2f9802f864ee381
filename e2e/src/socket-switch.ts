import type { BrowserContext, WebSocketRoute } from "playwright-core";

/**
 * Takes one browser profile's chat socket down and up while HTTP keeps working — a server
 * that is unreachable on /ws, or a proxy dropping WebSockets. (Playwright's setOffline would
 * also take the page itself away, and a reload while offline needs the service worker that
 * comes in a later issue.) While up, every socket is passed through to the real server.
 */
export class SocketSwitch {
  private up = true;
  private readonly live = new Set<WebSocketRoute>();
  /** The type of every frame passed through, as "page:sync" or "server:sync.done". */
  readonly frames: string[] = [];

  /** Install before the page opens its first socket: only later sockets are routed. */
  static async install(context: BrowserContext): Promise<SocketSwitch> {
    const socketSwitch = new SocketSwitch();
    await context.routeWebSocket(/\/ws$/, (ws) => socketSwitch.handle(ws));
    return socketSwitch;
  }

  /** Closes the open sockets and refuses new ones until `restore()`. */
  async cut(): Promise<void> {
    this.up = false;
    const open = [...this.live];
    this.live.clear();
    await Promise.all(open.map((ws) => ws.close({ code: 4000, reason: "test: socket cut" })));
  }

  restore(): void {
    this.up = true;
  }

  /** Waits until a frame of this kind ("server:sync.done") passes after index `since`. */
  async waitForFrame(kind: string, since: number, timeout = 10_000): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!this.frames.slice(since).includes(kind)) {
      if (Date.now() > deadline) throw new Error(`no ${kind} frame within ${timeout} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private record(from: "page" | "server", message: string | Buffer): void {
    try {
      const { type } = JSON.parse(String(message)) as { type?: unknown };
      this.frames.push(`${from}:${String(type)}`);
    } catch {
      this.frames.push(`${from}:not-json`);
    }
  }

  private handle(page: WebSocketRoute): void {
    if (!this.up) {
      void page.close({ code: 4000, reason: "test: socket down" });
      return;
    }
    const server = page.connectToServer();
    this.live.add(page);
    page.onMessage((message) => {
      this.record("page", message);
      server.send(message);
    });
    server.onMessage((message) => {
      this.record("server", message);
      page.send(message);
    });
    // Pass a close on in both directions, with its code (4401 and 4503 mean something to the
    // client); the codes a peer cannot send itself (1005, 1006) become a plain close.
    const closeOptions = (code: number | undefined, reason: string | undefined) =>
      code === undefined || code === 1005 || code === 1006 ? {} : { code, reason };
    page.onClose((code, reason) => {
      this.live.delete(page);
      void server.close(closeOptions(code, reason));
    });
    server.onClose((code, reason) => {
      this.live.delete(page);
      void page.close(closeOptions(code, reason));
    });
  }
}
