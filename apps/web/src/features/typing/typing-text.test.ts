import { describe, expect, it } from "vitest";
import { typingText } from "./typing-text";

describe("typing: the indicator's words", () => {
  it("typing: nobody, one, two, then several people", () => {
    expect(typingText([])).toBe("");
    expect(typingText(["Ana"])).toBe("Ana is typing…");
    expect(typingText(["Ana", "Ben"])).toBe("Ana and Ben are typing…");
    expect(typingText(["Ana", "Ben", "Cleo"])).toBe("Several people are typing…");
  });
});
