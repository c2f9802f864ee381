import {
  API,
  type CreateInviteResponse,
  type InvitationPreview,
  type Invite,
  type Room,
} from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFrame, type TestClient } from "../../testing/test-client";
import { DB_KINDS, startWithPeople, type TestServer } from "../../testing/test-server";

describe.each(DB_KINDS)("private rooms and invites (%s)", (kind) => {
  let server: TestServer;
  let ana: TestClient;
  let ben: TestClient;
  let cleo: TestClient;
  beforeAll(async () => {
    ({
      server,
      people: [ana, ben, cleo],
    } = await startWithPeople(kind, ["Ana Lopez", "ben", "cleo"]));
  });
  afterAll(() => server?.close());

  async function privateRoom(): Promise<Room> {
    const res = await ana.request<{ room: Room }>("POST", API.rooms, {
      name: "secret",
      visibility: "private",
    });
    expect(res.status).toBe(201);
    expect(res.body.room).toMatchObject({ visibility: "private", kind: "channel", myRole: "owner" });
    return res.body.room;
  }

  it("invites: a private room is not listed, and is 'not found' to outsiders", async () => {
    const room = await privateRoom();
    const listed = await ben.request<{ rooms: Room[] }>("GET", API.rooms);
    expect(listed.body.rooms.map((r) => r.id)).not.toContain(room.id);
    for (const [method, path] of [
      ["GET", API.room(room.id)],
      ["POST", API.joinRoom(room.id)],
      ["GET", API.messages(room.id)],
      ["GET", API.members(room.id)],
    ] as const) {
      const res = await ben.request<{ error: { code: string } }>(method, path);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe("ROOM_NOT_FOUND");
    }
  });

  it("invites: a member adds someone directly; their devices see the room appear", async () => {
    const room = await privateRoom();
    const b = await ben.connect();
    await b.sync([]);
    const added = await ana.request<{ member: { role: string } }>("POST", API.members(room.id), {
      userId: ben.user?.id,
    });
    expect(added.status).toBe(200);
    expect(added.body.member.role).toBe("member");
    expect(await b.waitFor(isFrame("membership"))).toMatchObject({ roomId: room.id, joined: true });
    expect((await ben.request("GET", API.messages(room.id))).status).toBe(200);
    b.close();
  });

  it("invites: a link lets a holder join a private room, counts uses, and stops when used up", async () => {
    const room = await privateRoom();
    const made = await ana.request<CreateInviteResponse>("POST", API.invites(room.id), { maxUses: 1 });
    expect(made.status).toBe(201);
    const { code } = made.body;
    const preview = await ben.request<InvitationPreview>("GET", API.invitation(code));
    expect(preview.body).toMatchObject({
      roomId: room.id,
      roomName: "secret",
      memberCount: 1,
      alreadyMember: false,
    });
    const joined = await ben.request<{ room: Room }>("POST", API.acceptInvitation(code), {});
    expect(joined.status).toBe(200);
    expect(joined.body.room).toMatchObject({ id: room.id, myRole: "member", memberCount: 2 });
    const usedUp = await cleo.request<{ error: { code: string } }>("POST", API.acceptInvitation(code), {});
    expect(usedUp.status).toBe(410);
    expect(usedUp.body.error.code).toBe("INVITE_INVALID");
    const list = await ana.request<{ invites: Invite[] }>("GET", API.invites(room.id));
    expect(list.body.invites[0]).toMatchObject({ uses: 1, maxUses: 1, revoked: false });
    expect(JSON.stringify(list.body)).not.toContain(code);
    // A member accepting a link just opens the room and uses nothing.
    const open = await ana.request<CreateInviteResponse>("POST", API.invites(room.id), {});
    expect((await ana.request("POST", API.acceptInvitation(open.body.code), {})).status).toBe(200);
    const again = await ana.request<{ invites: Invite[] }>("GET", API.invites(room.id));
    expect(again.body.invites.find((i) => i.id === open.body.invite.id)?.uses).toBe(0);
  });

  it("invites: revoked, unknown and malformed links are refused; a banned person cannot use one", async () => {
    const room = await privateRoom();
    const made = await ana.request<CreateInviteResponse>("POST", API.invites(room.id), {});
    expect((await ana.request("DELETE", API.invite(room.id, made.body.invite.id))).status).toBe(204);
    expect((await ben.request("POST", API.acceptInvitation(made.body.code), {})).status).toBe(410);
    expect((await ben.request("GET", API.invitation("A".repeat(24)))).status).toBe(410);
    expect((await ben.request("GET", API.invitation("bad code!"))).status).toBe(400);

    const fresh = await ana.request<CreateInviteResponse>("POST", API.invites(room.id), {});
    expect((await ana.request("PUT", API.ban(room.id, cleo.user?.id ?? ""), { reason: "no" })).status).toBe(
      204,
    );
    const banned = await cleo.request<{ error: { code: string } }>(
      "POST",
      API.acceptInvitation(fresh.body.code),
      {},
    );
    expect(banned.status).toBe(403);
    expect(banned.body.error.code).toBe("BANNED");
    const addBack = await ana.request<{ error: { code: string } }>("POST", API.members(room.id), {
      userId: cleo.user?.id,
    });
    expect(addBack.body.error.code).toBe("BANNED");
  });

  it("invites: a link revoked through another room's path is not found; members cannot manage links", async () => {
    const room = await privateRoom();
    const other = await ana.createRoom("other");
    const made = await ana.request<CreateInviteResponse>("POST", API.invites(room.id), {});
    expect((await ana.request("DELETE", API.invite(other.id, made.body.invite.id))).status).toBe(404);
    await ana.request("POST", API.members(room.id), { userId: ben.user?.id });
    expect((await ben.request("POST", API.invites(room.id), {})).status).toBe(403);
    const expired = await ana.request<{ error: { code: string } }>("POST", API.invites(room.id), {
      expiresInSeconds: 5,
    });
    expect(expired.status).toBe(400);
  });

  it("invites: people search finds others by name or email prefix, not oneself", async () => {
    const byName = await ben.request<{ users: Array<{ displayName: string }> }>("GET", `${API.users}?q=lop`);
    expect(byName.body.users.map((u) => u.displayName)).toEqual(["Ana Lopez"]);
    const byEmail = await ana.request<{ users: Array<{ displayName: string }> }>("GET", `${API.users}?q=cle`);
    expect(byEmail.body.users.map((u) => u.displayName)).toEqual(["cleo"]);
    const self = await ana.request<{ users: unknown[] }>("GET", `${API.users}?q=ana`);
    expect(self.body.users).toEqual([]);
    expect((await ana.request("GET", `${API.users}?q=`)).status).toBe(400);
    // LIKE wildcards in the text match only themselves, on both databases.
    for (const wildcard of ["%25", "_", "%5C"]) {
      const res = await ana.request<{ users: unknown[] }>("GET", `${API.users}?q=${wildcard}`);
      expect(res.status).toBe(200);
      expect(res.body.users, wildcard).toEqual([]);
    }
  });
});
