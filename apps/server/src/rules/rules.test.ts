import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { type Actor, authorize, can, type RoomResource } from "./rules";

const user: Actor = { kind: "user", userId: "u1" };
const anonymous: Actor = { kind: "anonymous" };
const room = (
  visibility: "public" | "private",
  member: boolean,
  extra: Partial<RoomResource> = {},
): RoomResource => ({
  room: { id: "r1", visibility, kind: "channel", archived: false, slowModeSeconds: 0 },
  membership: member ? { role: "member", mutedUntil: null, lastPostedAt: null } : null,
  banned: false,
  ...extra,
});

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : "NOT_APP_ERROR";
  }
}

describe("rules: room actions", () => {
  it("rules: muted members read but cannot post; archived rooms are read-only; bans bar joining", () => {
    const muted = room("public", true, {
      membership: { role: "member", mutedUntil: "2999-01-01T00:00:00.000Z", lastPostedAt: null },
    });
    expect(codeOf(() => authorize(user, "room.post", muted))).toBe("MUTED");
    expect(authorize(user, "room.read", muted)).toBe("u1");
    const expired = room("public", true, {
      membership: { role: "member", mutedUntil: "2000-01-01T00:00:00.000Z", lastPostedAt: null },
    });
    expect(authorize(user, "room.post", expired)).toBe("u1");
    const archived = room("public", true, {
      room: { id: "r1", visibility: "public", kind: "channel", archived: true, slowModeSeconds: 0 },
    });
    expect(codeOf(() => authorize(user, "room.post", archived))).toBe("ROOM_ARCHIVED");
    expect(codeOf(() => authorize(user, "room.join", room("public", false, { banned: true })))).toBe(
      "BANNED",
    );
  });

  it("rules: moderators act only on people ranked below them, never on themselves", () => {
    const as = (
      role: "member" | "moderator" | "admin" | "owner",
      targetRole: "member" | "moderator" | "admin" | "owner" | null,
      targetId = "u2",
    ) =>
      room("public", true, {
        membership: { role, mutedUntil: null, lastPostedAt: null },
        target: { userId: targetId, role: targetRole },
      });
    expect(authorize(user, "room.kick", as("moderator", "member"))).toBe("u1");
    expect(authorize(user, "room.ban", as("moderator", null))).toBe("u1");
    expect(codeOf(() => authorize(user, "room.kick", as("moderator", "moderator")))).toBe("FORBIDDEN");
    expect(codeOf(() => authorize(user, "room.kick", as("member", "member")))).toBe("FORBIDDEN");
    expect(codeOf(() => authorize(user, "room.kick", as("owner", "owner", "u1")))).toBe("FORBIDDEN");
    expect(authorize(user, "room.role.change", as("admin", "moderator"))).toBe("u1");
    expect(codeOf(() => authorize(user, "room.role.change", as("moderator", "member")))).toBe("FORBIDDEN");
    expect(codeOf(() => authorize(user, "room.role.change", as("admin", "admin")))).toBe("FORBIDDEN");
  });

  it("rules: members read and post; non-members of public rooms may view and join only", () => {
    for (const action of [
      "room.view",
      "room.join",
      "room.leave",
      "room.read",
      "room.post",
      "room.receipt",
    ] as const) {
      expect(can(user, action, room("public", true))).toBe(true);
    }
    expect(can(user, "room.read", room("public", false))).toBe(false);
    expect(can(user, "room.post", room("public", false))).toBe(false);
    expect(can(user, "room.join", room("public", false))).toBe(true);
    expect(can(user, "room.view", room("public", false))).toBe(true);
  });

  it("rules: a private room is invisible (404) to non-members, never 403", () => {
    expect(codeOf(() => authorize(user, "room.read", room("private", false)))).toBe("ROOM_NOT_FOUND");
    expect(codeOf(() => authorize(user, "room.join", room("private", false)))).toBe("ROOM_NOT_FOUND");
    expect(codeOf(() => authorize(user, "room.post", room("public", false)))).toBe("NOT_A_MEMBER");
    expect(codeOf(() => authorize(user, "room.post", null))).toBe("ROOM_NOT_FOUND");
  });

  it("rules: attachments are uploaded by those who may write, and read only by members (404 to others)", () => {
    expect(authorize(user, "attachment.upload", room("public", true))).toBe("u1");
    const muted = room("public", true, {
      membership: { role: "member", mutedUntil: "2999-01-01T00:00:00.000Z", lastPostedAt: null },
    });
    expect(codeOf(() => authorize(user, "attachment.upload", muted))).toBe("MUTED");
    expect(authorize(user, "attachment.read", muted)).toBe("u1");
    expect(codeOf(() => authorize(user, "attachment.upload", room("public", false)))).toBe("NOT_A_MEMBER");
    expect(codeOf(() => authorize(user, "attachment.read", room("public", false)))).toBe("NOT_FOUND");
    expect(codeOf(() => authorize(user, "attachment.read", room("private", false)))).toBe("ROOM_NOT_FOUND");
  });

  it("rules: threads are read, followed and marked read by members, muted or not, on a message that exists", () => {
    const muted = room("public", true, {
      membership: { role: "member", mutedUntil: "2999-01-01T00:00:00.000Z", lastPostedAt: null },
      message: { authorId: "u2" },
    });
    for (const action of ["thread.read", "thread.follow", "thread.mark_read"] as const) {
      expect(authorize(user, action, muted)).toBe("u1");
      expect(codeOf(() => authorize(user, action, room("public", true, { message: null })))).toBe(
        "MESSAGE_NOT_FOUND",
      );
      expect(
        codeOf(() => authorize(user, action, room("public", false, { message: { authorId: "u2" } }))),
      ).toBe("NOT_A_MEMBER");
    }
  });

  it("rules: anonymous actors are always UNAUTHENTICATED", () => {
    expect(codeOf(() => authorize(anonymous, "room.view", room("public", true)))).toBe("UNAUTHENTICATED");
    expect(codeOf(() => authorize(anonymous, "room.create"))).toBe("UNAUTHENTICATED");
    expect(can(anonymous, "room.list")).toBe(false);
  });

  it("rules: authorize returns the acting user's id", () => {
    expect(authorize(user, "room.post", room("public", true))).toBe("u1");
    expect(authorize(user, "room.create")).toBe("u1");
  });
});
