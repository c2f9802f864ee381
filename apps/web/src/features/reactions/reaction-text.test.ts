import { describe, expect, it } from "vitest";
import { reactionText } from "./reaction-text";

describe("reactionText", () => {
  it("names the people who reacted, me as you, and counts the rest", () => {
    expect(reactionText("👍", [], true)).toBe("You reacted with 👍");
    expect(reactionText("👍", ["Ana"], true)).toBe("Ana and you reacted with 👍");
    expect(reactionText("🎉", ["Ana", "Ben"], false)).toBe("Ana and Ben reacted with 🎉");
    expect(reactionText("🎉", ["Ana", "Ben", "Cleo"], false)).toBe("Ana, Ben and Cleo reacted with 🎉");
    expect(reactionText("🎉", ["Ana", "Ben", "Cleo", "Dan"], true)).toBe(
      "Ana, Ben and 3 others reacted with 🎉",
    );
  });
});
