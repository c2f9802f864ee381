import { describe, expect, it } from "vitest";
import { activityLabel } from "./activity-label";

const now = new Date("2026-11-24T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const MIN = 60_000;

describe("rooms: how recently a room was active", () => {
  it("rooms: minutes, hours and days ago", () => {
    expect(activityLabel(ago(20_000), now)).toBe("active just now");
    expect(activityLabel(ago(5 * MIN + 30_000), now)).toBe("active 5 min ago");
    expect(activityLabel(ago(59 * MIN), now)).toBe("active 59 min ago");
    expect(activityLabel(ago(60 * MIN), now)).toBe("active 1 h ago");
    expect(activityLabel(ago(23 * 60 * MIN), now)).toBe("active 23 h ago");
    expect(activityLabel(ago(25 * 60 * MIN), now)).toBe("active 1 day ago");
    expect(activityLabel(ago(6 * 24 * 60 * MIN), now)).toBe("active 6 days ago");
  });

  it("rooms: a month or more shows the date; no message says so; a clock ahead reads as now", () => {
    expect(activityLabel(ago(40 * 24 * 60 * MIN), now)).toMatch(/^active .*2026/);
    expect(activityLabel(null, now)).toBe("no messages yet");
    expect(activityLabel(ago(-5_000), now)).toBe("active just now");
  });
});
