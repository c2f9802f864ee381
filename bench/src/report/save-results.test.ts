import { describe, expect, it } from "vitest";
import { spliceGenerated } from "./save-results";

describe("bench: BENCHMARKS.md update", () => {
  it("appends the generated block to a document without one", () => {
    const doc = spliceGenerated("# Benchmarks\n\nHand-written.\n", "| a |");
    expect(doc).toMatch(
      /^# Benchmarks\n\nHand-written\.\n\n<!-- bench:begin[^\n]*-->\n\n\| a \|\n\n<!-- bench:end -->\n$/,
    );
  });

  it("replaces only what is between the markers", () => {
    const first = spliceGenerated("intro\n", "old table");
    const second = spliceGenerated(`${first}\nafterword\n`, "new table");
    expect(second).toContain("new table");
    expect(second).not.toContain("old table");
    expect(second.startsWith("intro\n")).toBe(true);
    expect(second.endsWith("afterword\n")).toBe(true);
  });
});
