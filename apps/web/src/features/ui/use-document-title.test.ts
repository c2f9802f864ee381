import { describe, expect, it } from "vitest";
import { formatTitle } from "./use-document-title";

describe("ui: formatTitle", () => {
  it("names the page, then the app", () => {
    expect(formatTitle("#general", 0)).toBe("#general · Parley");
    expect(formatTitle(null, 0)).toBe("Parley");
  });

  it("puts the unread count first, capped at 99+", () => {
    expect(formatTitle("#general", 3)).toBe("(3) #general · Parley");
    expect(formatTitle(null, 250)).toBe("(99+) Parley");
  });
});
