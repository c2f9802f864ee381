import { describe, expect, it } from "vitest";
import { avatarHue, initials } from "./avatar-style";

describe("ui: avatar initials", () => {
  it("takes the first letters of the first two words", () => {
    expect(initials("Ada Lovelace")).toBe("AL");
    expect(initials("grace brewster murray hopper")).toBe("GB");
  });

  it("handles one word, extra spaces, and empty names", () => {
    expect(initials("  ada  ")).toBe("A");
    expect(initials("")).toBe("?");
  });

  it("keeps a leading emoji whole", () => {
    expect(initials("🦊 Fox")).toBe("🦊F");
  });
});

describe("ui: avatar hue", () => {
  it("is stable per id and spreads different ids", () => {
    const a = avatarHue("00000000-0000-4000-8000-00000000000a");
    expect(avatarHue("00000000-0000-4000-8000-00000000000a")).toBe(a);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(360);
    const hues = new Set(["u1", "u2", "u3", "u4", "u5"].map(avatarHue));
    expect(hues.size).toBeGreaterThan(3);
  });
});
