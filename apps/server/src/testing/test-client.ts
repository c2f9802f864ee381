import { randomUUID } from "node:crypto";
import {
  API,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  type Message,
  type Room,
  SERVER_FRAME,
  ServerFrame,
  SOCKET_PATH,
  type User,
} from "@parley/protocol";
import WebSocket from "ws";

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A client that talks to a test server like the web app does: cookie, CSRF header, JSON. */
export class TestClient {
  cookie: string | undefined;
  user: User | undefined;
  /** Sent with every request and socket upgrade (e.g. X-Forwarded-For, see `from`). */
  headers: Record<string, string> = {};

  constructor(readonly baseUrl: string) {}

  /** The same signed-in user talking to another server address (e.g. after a restart). */
  withCookie(cookie: string | undefined): this {
    this.cookie = cookie;
    return this;
  }

  /**
   * Appears to come from `ip`, through a reverse proxy: only a server with TRUST_PROXY on
   * believes it (per-IP limit tests; every test client is really on 127.0.0.1).
   */
  from(ip: string): this {
    this.headers = { ...this.headers, "x-forwarded-for": ip };
    return this;
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult<T>> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(method === "GET" ? {} : { "content-type": "application/json", [CSRF_HEADER]: CSRF_HEADER_VALUE }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...this.headers,
        ...headers,
      },
      body: method === "GET" ? undefined : JSON.stringify(body ?? {}),
    });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) {
      const pair = setCookie.split(";")[0] ?? "";
      this.cookie = pair.endsWith("=") ? undefined : pair;
    }
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
  }

  async signUp(name = `user-${randomUUID().slice(0, 8)}`): Promise<User> {
    const res = await this.request<{ user: User }>("POST", API.signup, {
      email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@example.test`,
      displayName: name,
      password: "correct horse battery staple",
    });
    if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.user = res.body.user;
    return this.user;
  }

  async createRoom(name = `room-${randomUUID().slice(0, 6)}`, topic = ""): Promise<Room> {
    const res = await this.request<{ room: Room }>("POST", API.rooms, { name, topic });
    if (res.status !== 201) throw new Error(`create room failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.room;
  }

  async join(roomId: string): Promise<Room> {
    const res = await this.request<{ room: Room }>("POST", API.joinRoom(roomId));
    if (res.status !== 200) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.room;
  }

  async send(roomId: string, body: string, clientId = randomUUID()): Promise<Message> {
    const res = await this.request<{ message: Message }>("POST", API.messages(roomId), { clientId, body });
    if (res.status !== 201 && res.status !== 200) {
      throw new Error(`send failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body.message;
  }

  async history(roomId: string, query = ""): Promise<{ messages: Message[]; hasMore: boolean }> {
    const res = await this.request<{ messages: Message[]; hasMore: boolean }>(
      "GET",
      `${API.messages(roomId)}${query}`,
    );
    if (res.status !== 200) throw new Error(`history failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async connect(origin?: string): Promise<TestSocket> {
    const socket = new TestSocket(this.baseUrl.replace(/^http/, "ws") + SOCKET_PATH, {
      ...this.headers,
      ...(this.cookie ? { cookie: this.cookie } : {}),
      ...(origin ? { origin } : {}),
    });
    await socket.opened;
    return socket;
  }
}

/** A WebSocket that records every frame so tests can wait for the ones they expect. */
export class TestSocket {
  readonly ws: WebSocket;
  readonly frames: ServerFrame[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Array<() => void> = [];

  constructor(url: string, headers: Record<string, string>) {
    this.ws = new WebSocket(url, { headers });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once("open", () => resolve());
      this.ws.once("unexpected-response", (_req, res) =>
        reject(new Error(`upgrade refused: ${res.statusCode}`)),
      );
      this.ws.once("error", reject);
    });
    this.closed = new Promise((resolve) =>
      this.ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    this.ws.on("message", (data) => {
      const frame = ServerFrame.parse(JSON.parse(data.toString()));
      this.frames.push(frame);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  sendRaw(data: string): void {
    this.ws.send(data);
  }

  send(frame: unknown): void {
    this.ws.send(JSON.stringify(frame));
  }

  /** Resolves with the first recorded frame (from `from` on) that matches. */
  async waitFor<T extends ServerFrame>(
    match: (f: ServerFrame) => f is T,
    timeoutMs = 5000,
    from = 0,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.slice(from).find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) {
        const seen = this.frames.map((f) =>
          f.type === "message.new" ? `message.new#${f.message.seq}` : f.type,
        );
        throw new Error(`timed out waiting for a frame; got ${seen.length}: ${seen.slice(-20).join(", ")}`);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Messages received so far for a room, in arrival order. */
  messages(roomId: string): Message[] {
    return this.frames
      .filter((f): f is Extract<ServerFrame, { type: "message.new" }> => f.type === SERVER_FRAME.MESSAGE)
      .map((f) => f.message)
      .filter((m) => m.roomId === roomId);
  }

  async sync(cursors: Array<{ roomId: string; afterSeq: number }>): Promise<void> {
    const from = this.frames.length;
    this.send({ type: "sync", cursors });
    await this.waitFor(
      (f): f is Extract<ServerFrame, { type: "sync.done" }> => f.type === SERVER_FRAME.SYNCED,
      5000,
      from,
    );
  }

  close(): void {
    this.ws.close();
  }
}

export const isFrame =
  <K extends ServerFrame["type"]>(type: K) =>
  (f: ServerFrame): f is Extract<ServerFrame, { type: K }> =>
    f.type === type;
