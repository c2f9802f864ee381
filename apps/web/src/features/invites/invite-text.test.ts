import type { Invite } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { inviteState, usesText } from "./invite-text";

const NOW = new Date("2030-01-01T12:00:00.000Z");
const invite = (over: Partial<Invite> = {}): Invite => ({
  id: "i",
  roomId: "r",
  createdBy: { id: "a", displayName: "Ana" },
  createdAt: "2030-01-01T00:00:00.000Z",
  expiresAt: null,
  maxUses: null,
  uses: 0,
  revoked: false,
  ...over,
});

describe("invites: inviteState", () => {
  it("invites: active until revoked, expired or used up", () => {
    expect(inviteState(invite(), NOW)).toBe("active");
    expect(inviteState(invite({ revoked: true }), NOW)).toBe("revoked");
    expect(inviteState(invite({ expiresAt: "2030-01-01T11:00:00.000Z" }), NOW)).toBe("expired");
    expect(inviteState(invite({ maxUses: 2, uses: 2 }), NOW)).toBe("used up");
    expect(inviteState(invite({ maxUses: 2, uses: 1, expiresAt: "2030-01-02T00:00:00.000Z" }), NOW)).toBe(
      "active",
    );
  });
});

describe("invites: usesText", () => {
  it("invites: counts uses against the limit", () => {
    expect(usesText({ uses: 3, maxUses: 10 })).toBe("3 of 10 uses");
    expect(usesText({ uses: 0, maxUses: null })).toBe("No uses yet");
    expect(usesText({ uses: 1, maxUses: null })).toBe("1 use");
    expect(usesText({ uses: 4, maxUses: null })).toBe("4 uses");
  });
});
