import { describe, expect, it } from "vitest";
import { RECEIPTS_AUTO_MAX_MEMBERS, readReceiptsEnabled } from "./read-state";

describe("readReceiptsEnabled", () => {
  it("receipts: 1:1 conversations always show them, whatever the setting", () => {
    expect(readReceiptsEnabled({ kind: "dm", readReceipts: "off", memberCount: 2 })).toBe(true);
  });

  it("receipts: auto is on up to the limit of members and off past it", () => {
    const room = { kind: "channel" as const, readReceipts: "auto" as const };
    expect(readReceiptsEnabled({ ...room, memberCount: RECEIPTS_AUTO_MAX_MEMBERS })).toBe(true);
    expect(readReceiptsEnabled({ ...room, memberCount: RECEIPTS_AUTO_MAX_MEMBERS + 1 })).toBe(false);
    expect(readReceiptsEnabled({ ...room, kind: "group", memberCount: 8 })).toBe(true);
  });

  it("receipts: an admin's on or off wins over the size", () => {
    expect(readReceiptsEnabled({ kind: "channel", readReceipts: "on", memberCount: 5000 })).toBe(true);
    expect(readReceiptsEnabled({ kind: "channel", readReceipts: "off", memberCount: 2 })).toBe(false);
  });
});
