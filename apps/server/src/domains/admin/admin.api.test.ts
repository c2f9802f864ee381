import { type AdminUser, API, CLOSE_CODES, type Room, type User } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFrame, TestClient } from "../../testing/test-client";
import { DB_KINDS, startTestServer, type TestServer } from "../../testing/test-server";

describe.each(DB_KINDS)("server administration (%s)", (kind) => {
  let server: TestServer;
  let admin: TestClient;
  let ben: TestClient;
  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = new TestClient(server.url);
    ben = new TestClient(server.url);
    await admin.signUp("admin");
    await ben.signUp("ben");
  });
  afterAll(() => server?.close());

  it("admin: the first account administers the server; later ones do not", async () => {
    expect((await admin.request<{ user: User }>("GET", API.me)).body.user.isAdmin).toBe(true);
    expect((await ben.request<{ user: User }>("GET", API.me)).body.user.isAdmin).toBe(false);
    const users = await admin.request<{ users: AdminUser[] }>("GET", API.adminUsers);
    expect(users.body.users.map((u) => [u.displayName, u.isAdmin])).toEqual(
      expect.arrayContaining([
        ["admin", true],
        ["ben", false],
      ]),
    );
    expect((await ben.request("GET", API.adminUsers)).status).toBe(403);
  });

  it("admin: sees private channels too", async () => {
    const secret = await ben.request<{ room: Room }>("POST", API.rooms, {
      name: "ben's secret",
      visibility: "private",
    });
    const rooms = await admin.request<{ rooms: Room[] }>("GET", API.adminRooms);
    expect(rooms.body.rooms.map((r) => r.id)).toContain(secret.body.room.id);
  });

  it("admin: deactivating closes every session and socket at once and stops sign-in", async () => {
    const cleo = new TestClient(server.url);
    await cleo.signUp("cleo");
    const otherDevice = new TestClient(server.url);
    await otherDevice.request("POST", API.login, {
      email: "cleo@example.test",
      password: "correct horse battery staple",
    });
    const socket = await cleo.connect();
    await socket.waitFor(isFrame("ready"));
    expect((await admin.request("POST", API.adminDeactivate(cleo.user?.id ?? ""))).status).toBe(204);
    expect((await socket.closed).code).toBe(CLOSE_CODES.UNAUTHENTICATED);
    expect((await cleo.request("GET", API.me)).status).toBe(401);
    expect((await otherDevice.request("GET", API.me)).status).toBe(401);
    const login = await cleo.request<{ error: { code: string } }>("POST", API.login, {
      email: "cleo@example.test",
      password: "correct horse battery staple",
    });
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe("ACCOUNT_DEACTIVATED");
    const listed = await admin.request<{ users: AdminUser[] }>("GET", API.adminUsers);
    expect(listed.body.users.find((u) => u.displayName === "cleo")?.deactivated).toBe(true);
    // Deactivated people are not offered in people search.
    expect((await ben.request<{ users: unknown[] }>("GET", `${API.users}?q=cleo`)).body.users).toEqual([]);
  });

  it("admin: cannot deactivate themselves; unknown accounts are 404", async () => {
    expect((await admin.request("POST", API.adminDeactivate(admin.user?.id ?? ""))).status).toBe(403);
    expect(
      (await admin.request("POST", API.adminDeactivate("6f1c2f3e-8a4b-4c5d-9e6f-7a8b9c0d1e2f"))).status,
    ).toBe(404);
  });
});
