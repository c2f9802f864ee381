import { describe, expect, it } from "vitest";
import { addRecent, MAX_RECENT, parsePrefs } from "./emoji-prefs";

describe("emoji: preferences", () => {
  it("moves a used emoji to the front and keeps the list bounded", () => {
    expect(addRecent(["😄", "🎉"], "🎉")).toEqual(["🎉", "😄"]);
    const full = Array.from({ length: MAX_RECENT }, (_, i) => String(i));
    expect(addRecent(full, "👍")).toHaveLength(MAX_RECENT);
    expect(addRecent(full, "👍")[0]).toBe("👍");
  });

  it("reads stored values defensively", () => {
    expect(parsePrefs('["😄",3,"🎉"]', "3")).toEqual({ recent: ["😄", "🎉"], tone: 3 });
    expect(parsePrefs("not json", "9")).toEqual({ recent: [], tone: 0 });
    expect(parsePrefs('{"a":1}', "-1")).toEqual({ recent: [], tone: 0 });
    expect(parsePrefs(null, null)).toEqual({ recent: [], tone: 0 });
  });
});
