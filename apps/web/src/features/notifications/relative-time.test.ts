import { describe, expect, it } from "vitest";
import { relativeTime } from "./relative-time";

const now = new Date("2026-03-10T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe("relative time", () => {
  it("relative time: now, minutes, hours, days", () => {
    expect(relativeTime(ago(20_000), now)).toBe("now");
    expect(relativeTime(ago(-5_000), now)).toBe("now");
    expect(relativeTime(ago(5 * 60_000), now)).toBe("5 min");
    expect(relativeTime(ago(3 * 3_600_000 + 1), now)).toBe("3 h");
    expect(relativeTime(ago(2 * 86_400_000), now)).toBe("2 d");
  });

  it("relative time: a week or more shows the date, with the year only when it differs", () => {
    const lastMonth = relativeTime("2026-02-01T12:00:00.000Z", now);
    expect(lastMonth).not.toMatch(/2026/);
    expect(lastMonth).toMatch(/1/);
    expect(relativeTime("2025-02-01T12:00:00.000Z", now)).toMatch(/2025/);
  });
});
