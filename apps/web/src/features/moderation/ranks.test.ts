import type { Member, RoomRole } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { assignableRoles, canActOn, memberActions } from "./ranks";

const NOW = new Date("2030-01-01T12:00:00.000Z");

function member(role: RoomRole, mutedUntil: string | null = null, id = "them"): Member {
  return { user: { id, displayName: "Ben" }, role, joinedAt: NOW.toISOString(), mutedUntil };
}

const labels = (myRole: RoomRole | null, target: Member) =>
  memberActions({ id: "me", role: myRole }, target, NOW).map((a) => a.label);

describe("moderation: canActOn", () => {
  it("moderation: acts only on people ranked strictly below, from moderator up", () => {
    expect(canActOn("owner", "admin", false)).toBe(true);
    expect(canActOn("admin", "moderator", false)).toBe(true);
    expect(canActOn("moderator", "member", false)).toBe(true);
    expect(canActOn("moderator", "moderator", false)).toBe(false);
    expect(canActOn("admin", "owner", false)).toBe(false);
    expect(canActOn("member", "member", false)).toBe(false);
    expect(canActOn(null, "member", false)).toBe(false);
  });

  it("moderation: never on oneself", () => {
    expect(canActOn("owner", "member", true)).toBe(false);
  });
});

describe("moderation: assignableRoles", () => {
  it("moderation: admins and owners give only roles below their own", () => {
    expect(assignableRoles("owner", "member")).toEqual(["admin", "moderator"]);
    expect(assignableRoles("owner", "admin")).toEqual(["moderator", "member"]);
    expect(assignableRoles("admin", "member")).toEqual(["moderator"]);
    expect(assignableRoles("admin", "moderator")).toEqual(["member"]);
    expect(assignableRoles("moderator", "member")).toEqual([]);
  });
});

describe("moderation: memberActions", () => {
  it("moderation: an owner gets mute, role changes, kick and ban on a member", () => {
    expect(labels("owner", member("member"))).toEqual([
      "Mute for 10 minutes",
      "Mute for 1 hour",
      "Mute for 1 day",
      "Make admin",
      "Make moderator",
      "Kick…",
      "Ban…",
    ]);
  });

  it("moderation: a moderator gets no role changes", () => {
    expect(labels("moderator", member("member"))).toEqual([
      "Mute for 10 minutes",
      "Mute for 1 hour",
      "Mute for 1 day",
      "Kick…",
      "Ban…",
    ]);
  });

  it("moderation: a muted member offers Unmute instead; an expired mute does not count", () => {
    expect(labels("admin", member("member", "2030-01-01T12:05:00.000Z"))).toEqual([
      "Unmute",
      "Make moderator",
      "Kick…",
      "Ban…",
    ]);
    expect(labels("admin", member("member", "2030-01-01T11:59:00.000Z"))[0]).toBe("Mute for 10 minutes");
  });

  it("moderation: no menu for peers, superiors, oneself or plain members", () => {
    expect(labels("moderator", member("moderator"))).toEqual([]);
    expect(labels("admin", member("owner"))).toEqual([]);
    expect(labels("member", member("member"))).toEqual([]);
    expect(memberActions({ id: "me", role: "owner" }, member("owner", null, "me"), NOW)).toEqual([]);
  });
});
