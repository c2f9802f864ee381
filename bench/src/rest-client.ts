import { API, CSRF_HEADER, CSRF_HEADER_VALUE, type Room } from "@parley/protocol";

/** The few REST calls the bench makes, the way the web app makes them (cookie + CSRF header). */
export class RestClient {
  constructor(
    private readonly baseUrl: string,
    readonly cookie: string,
  ) {}

  async createRoom(name: string): Promise<Room> {
    return (await this.post<{ room: Room }>(API.rooms, 201, { name, topic: "load benchmark" })).room;
  }

  async join(roomId: string): Promise<Room> {
    return (await this.post<{ room: Room }>(API.joinRoom(roomId), 200, {})).room;
  }

  /** A direct message with one other person (created; both are members). */
  async openDm(userId: string): Promise<Room> {
    return (await this.post<{ room: Room }>(API.conversations, 201, { userIds: [userId] })).room;
  }

  private async post<T>(path: string, expected: number, body: unknown): Promise<T> {
    const res = await fetch(this.baseUrl + path, {
      method: "POST",
      headers: { "content-type": "application/json", [CSRF_HEADER]: CSRF_HEADER_VALUE, cookie: this.cookie },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== expected) throw new Error(`POST ${path}: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }
}
