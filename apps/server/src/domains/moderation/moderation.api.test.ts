import { API, type AuditEntry, type Ban, type Member } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFrame, type TestClient } from "../../testing/test-client";
import { DB_KINDS, startWithPeople, type TestServer } from "../../testing/test-server";

describe.each(DB_KINDS)("moderation API (%s)", (kind) => {
  let server: TestServer;
  let owner: TestClient;
  let mod: TestClient;
  let ben: TestClient;
  beforeAll(async () => {
    ({
      server,
      people: [owner, mod, ben],
    } = await startWithPeople(kind, ["owner", "mod", "ben"]));
  });
  afterAll(() => server?.close());

  async function roomWithModerator() {
    const room = await owner.createRoom();
    await mod.join(room.id);
    await ben.join(room.id);
    const res = await owner.request("PUT", API.role(room.id, mod.user?.id ?? ""), { role: "moderator" });
    expect(res.status).toBe(204);
    return room;
  }

  it("moderation: the member list shows roles, owners first", async () => {
    const room = await roomWithModerator();
    const res = await ben.request<{ members: Member[] }>("GET", API.members(room.id));
    expect(res.body.members.map((m) => [m.user.displayName, m.role])).toEqual([
      ["owner", "owner"],
      ["mod", "moderator"],
      ["ben", "member"],
    ]);
  });

  it("moderation: a kicked member's open socket stops receiving at once and is told why", async () => {
    const room = await roomWithModerator();
    const b = await ben.connect();
    await b.sync([{ roomId: room.id, afterSeq: 0 }]);
    expect((await mod.request("POST", API.kick(room.id, ben.user?.id ?? ""))).status).toBe(204);
    const gone = await b.waitFor(isFrame("membership"));
    expect(gone).toMatchObject({ roomId: room.id, joined: false, reason: "kicked" });
    await owner.send(room.id, "after the kick");
    await new Promise((r) => setTimeout(r, 200));
    expect(b.messages(room.id)).toHaveLength(0);
    // Kicked, not banned: a public room can be joined again.
    expect((await ben.request("POST", API.joinRoom(room.id))).status).toBe(200);
    b.close();
  });

  it("moderation: a ban removes the member, bars rejoining until lifted, and is listed", async () => {
    const room = await roomWithModerator();
    const b = await ben.connect();
    await b.sync([{ roomId: room.id, afterSeq: 0 }]);
    const ban = await mod.request("PUT", API.ban(room.id, ben.user?.id ?? ""), {
      reason: "spam",
      durationSeconds: 3600,
    });
    expect(ban.status).toBe(204);
    expect(await b.waitFor(isFrame("membership"))).toMatchObject({ joined: false, reason: "banned" });
    const rejoin = await ben.request<{ error: { code: string } }>("POST", API.joinRoom(room.id));
    expect(rejoin.status).toBe(403);
    expect(rejoin.body.error.code).toBe("BANNED");
    const bans = await mod.request<{ bans: Ban[] }>("GET", API.bans(room.id));
    expect(bans.body.bans).toEqual([
      expect.objectContaining({ user: { id: ben.user?.id, displayName: "ben" }, reason: "spam" }),
    ]);
    expect((await mod.request("DELETE", API.ban(room.id, ben.user?.id ?? ""))).status).toBe(204);
    expect((await ben.request("POST", API.joinRoom(room.id))).status).toBe(200);
    b.close();
  });

  it("moderation: a muted member reads but cannot post until unmuted", async () => {
    const room = await roomWithModerator();
    const live = await ben.connect();
    await live.sync([]);
    expect(
      (await mod.request("PUT", API.mute(room.id, ben.user?.id ?? ""), { durationSeconds: 600 })).status,
    ).toBe(204);
    // Ben's devices hear it at once: the room now carries his mute.
    const muted = await live.waitFor(isFrame("membership"));
    expect(muted.room?.myMutedUntil).toBeTruthy();
    live.close();
    const post = await ben.request<{ error: { code: string } }>("POST", API.messages(room.id), {
      clientId: crypto.randomUUID(),
      body: "let me speak",
    });
    expect(post.status).toBe(403);
    expect(post.body.error.code).toBe("MUTED");
    expect((await ben.request("GET", API.messages(room.id))).status).toBe(200);
    // Over the socket too.
    const b = await ben.connect();
    await b.sync([]);
    b.send({ type: "message.send", roomId: room.id, clientId: crypto.randomUUID(), body: "socket" });
    expect((await b.waitFor(isFrame("error"))).error.code).toBe("MUTED");
    b.close();
    expect((await mod.request("DELETE", API.mute(room.id, ben.user?.id ?? ""))).status).toBe(204);
    await ben.send(room.id, "free again");
  });

  it("moderation: nobody acts on their own rank or above; roles are given only below one's own", async () => {
    const room = await roomWithModerator();
    const onOwner = await mod.request<{ error: { code: string } }>(
      "POST",
      API.kick(room.id, owner.user?.id ?? ""),
    );
    expect(onOwner.status).toBe(403);
    const promoteSelf = await mod.request("PUT", API.role(room.id, ben.user?.id ?? ""), {
      role: "moderator",
    });
    expect(promoteSelf.status).toBe(403); // moderators cannot change roles at all
    const tooHigh = await owner.request<{ error: { code: string } }>(
      "PUT",
      API.role(room.id, ben.user?.id ?? ""),
      {
        role: "owner",
      },
    );
    expect(tooHigh.status).toBe(403);
    expect(
      (await owner.request("PUT", API.role(room.id, ben.user?.id ?? ""), { role: "admin" })).status,
    ).toBe(204);
    const badRole = await owner.request<{ error: { code: string } }>(
      "PUT",
      API.role(room.id, ben.user?.id ?? ""),
      {
        role: "king",
      },
    );
    expect(badRole.status).toBe(400);
  });

  it("moderation: every action is in the room's audit log, which admins can read and members cannot", async () => {
    const room = await roomWithModerator();
    await mod.request("PUT", API.mute(room.id, ben.user?.id ?? ""), { durationSeconds: 600 });
    await mod.request("POST", API.kick(room.id, ben.user?.id ?? ""));
    const log = await owner.request<{ entries: AuditEntry[] }>("GET", API.audit(room.id));
    const entries = log.body.entries;
    // Newest first (two actions within one millisecond may come in either order).
    expect(entries.map((e) => e.createdAt)).toEqual([...entries.map((e) => e.createdAt)].sort().reverse());
    expect(entries.map((e) => [e.action, e.actor.displayName, e.target?.displayName])).toEqual(
      expect.arrayContaining([
        ["member.kicked", "mod", "ben"],
        ["member.muted", "mod", "ben"],
        ["member.role_changed", "owner", "mod"],
      ]),
    );
    expect(entries).toHaveLength(3);
    expect(entries.find((e) => e.action === "member.role_changed")?.details).toEqual({
      from: "member",
      to: "moderator",
    });
    expect((await mod.request("GET", API.audit(room.id))).status).toBe(403);
  });
});
