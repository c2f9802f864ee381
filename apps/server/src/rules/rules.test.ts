import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { type Actor, authorize, can, ROOM_RULES, type RoomResource } from "./rules";

const user: Actor = { kind: "user", userId: "u1" };
const anonymous: Actor = { kind: "anonymous" };
const room = (visibility: "public" | "private", member: boolean): RoomResource => ({
  room: { id: "r1", visibility },
  membership: member ? { role: "member" } : null,
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
  it("rules: members read and post; non-members of public rooms may view and join only", () => {
    for (const action of Object.keys(ROOM_RULES) as Array<keyof typeof ROOM_RULES>) {
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
