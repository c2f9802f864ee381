import type { AuditEntry } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { describeAudit, removalText } from "./moderation-text";

const ana = { id: "a", displayName: "Ana" };
const ben = { id: "b", displayName: "Ben" };

function entry(action: AuditEntry["action"], details: Record<string, unknown> = {}): AuditEntry {
  return { id: "e", action, actor: ana, target: ben, details, createdAt: "2030-01-01T12:00:00.000Z" };
}

const fmt = (iso: string) => `<${iso}>`;

describe("moderation: removalText", () => {
  it("moderation: says who removed the user and how", () => {
    expect(removalText("kicked", "general")).toBe("You were removed from #general by a moderator");
    expect(removalText("banned", "general")).toBe("You were banned from #general");
    expect(removalText("banned", null)).toBe("You were banned from this room");
  });
});

describe("moderation: describeAudit", () => {
  it("moderation: a ban with its reason and end", () => {
    expect(describeAudit(entry("member.banned", { reason: "spam", expiresAt: "2030-01-02" }), fmt)).toEqual({
      summary: "Ana banned Ben",
      details: ["Reason: spam", "Until <2030-01-02>"],
    });
    expect(describeAudit(entry("member.banned", { reason: "", expiresAt: null }), fmt).details).toEqual([
      "No reason given",
      "Until lifted",
    ]);
  });

  it("moderation: role changes, mutes, kicks and unbans", () => {
    expect(describeAudit(entry("member.role_changed", { from: "member", to: "moderator" }), fmt)).toEqual({
      summary: "Ana made Ben a moderator",
      details: ["Was a member"],
    });
    expect(describeAudit(entry("member.muted", { mutedUntil: "T" }), fmt)).toEqual({
      summary: "Ana muted Ben",
      details: ["Until <T>"],
    });
    expect(describeAudit(entry("message.removed", { messageId: "m" }), fmt).summary).toBe(
      "Ana removed a message by Ben",
    );
    expect(describeAudit(entry("member.unmuted"), fmt).summary).toBe("Ana unmuted Ben");
    expect(describeAudit(entry("member.kicked"), fmt).summary).toBe("Ana kicked Ben");
    expect(describeAudit(entry("member.unbanned"), fmt).summary).toBe("Ana lifted the ban on Ben");
  });

  it("moderation: a change of the room's settings says what changed", () => {
    expect(
      describeAudit(entry("room.updated", { name: "ops", topic: "", slowModeSeconds: 30 }), fmt),
    ).toEqual({
      summary: "Ana changed the room's settings",
      details: ["Name: ops", "Topic cleared", "Slow mode: 30 s"],
    });
    expect(describeAudit(entry("room.updated", { archived: true }), fmt).summary).toBe(
      "Ana archived the room",
    );
    expect(describeAudit(entry("room.updated", { readReceipts: "off" }), fmt).details).toEqual([
      "Read receipts: off",
    ]);
    expect(describeAudit(entry("room.updated", { avatar: "changed" }), fmt).summary).toBe(
      "Ana changed the room's picture",
    );
    expect(describeAudit(entry("room.updated", { avatar: "removed" }), fmt).summary).toBe(
      "Ana removed the room's picture",
    );
  });

  it("moderation: unexpected details do not break the sentence", () => {
    expect(describeAudit(entry("member.role_changed", { to: 42 }), fmt)).toEqual({
      summary: "Ana changed Ben's role",
      details: [],
    });
    expect(describeAudit({ ...entry("member.kicked"), target: null }, fmt).summary).toBe(
      "Ana kicked someone",
    );
  });
});
