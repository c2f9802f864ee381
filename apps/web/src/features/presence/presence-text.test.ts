import type { UserPresence } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { lastSeenAgo, presenceDotLabel, presenceLabel } from "./presence-text";

const now = new Date("2026-11-24T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const userId = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const offline = (lastSeenAt: string | null): UserPresence => ({ userId, status: "offline", lastSeenAt });

describe("presence: the words", () => {
  it("presence: last seen reads as a short distance in time", () => {
    expect(lastSeenAgo(ago(20_000), now)).toBe("just now");
    expect(lastSeenAgo(ago(5 * 60_000 + 10_000), now)).toBe("5 min ago");
    expect(lastSeenAgo(ago(3 * 3_600_000), now)).toBe("3 h ago");
    expect(lastSeenAgo(ago(30 * 3_600_000), now)).toBe("yesterday");
    expect(lastSeenAgo(ago(4 * 86_400_000), now)).toBe("4 days ago");
    expect(lastSeenAgo(ago(40 * 86_400_000), now)).toMatch(/^on /);
    // A clock a little behind the server's never says "in the future".
    expect(lastSeenAgo(ago(-5_000), now)).toBe("just now");
  });

  it("presence: online, away, last seen, never seen, and unknown", () => {
    expect(presenceLabel({ userId, status: "online", lastSeenAt: null }, now)).toBe("Online");
    expect(presenceLabel({ userId, status: "away", lastSeenAt: null }, now)).toBe("Away");
    expect(presenceLabel(offline(ago(5 * 60_000)), now)).toBe("Last seen 5 min ago");
    expect(presenceLabel(offline(null), now)).toBe("Offline");
    expect(presenceLabel(undefined, now)).toBeNull();
    expect(presenceDotLabel(offline(ago(5 * 60_000)), now)).toBe("Offline, last seen 5 min ago");
    expect(presenceDotLabel({ userId, status: "away", lastSeenAt: null }, now)).toBe("Away");
  });
});
