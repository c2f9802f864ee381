import { API, CSRF_HEADER, CSRF_HEADER_VALUE, type Room, type User } from "@parley/protocol";

/** The few REST calls the bench needs, made the way the web app makes them (cookie + CSRF). */
export class RestClient {
  cookie: string | undefined;

  constructor(private readonly baseUrl: string) {}

  async signUp(name: string): Promise<User> {
    const body = await this.post<{ user: User }>(API.signup, 201, {
      email: `${name}@bench.test`,
      displayName: name,
      password: "correct horse battery staple",
    });
    return body.user;
  }

  async createRoom(name: string): Promise<Room> {
    return (await this.post<{ room: Room }>(API.rooms, 201, { name, topic: "load benchmark" })).room;
  }

  async join(roomId: string): Promise<Room> {
    return (await this.post<{ room: Room }>(API.joinRoom(roomId), 200, {})).room;
  }

  private async post<T>(path: string, expected: number, body: unknown): Promise<T> {
    const res = await fetch(this.baseUrl + path, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [CSRF_HEADER]: CSRF_HEADER_VALUE,
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: JSON.stringify(body),
    });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0];
    const text = await res.text();
    if (res.status !== expected) throw new Error(`POST ${path}: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }
}
