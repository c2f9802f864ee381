import { describe, expect, it } from "vitest";
import { slowModeLabel, slowModeOptions } from "./slow-mode";

describe("room settings: slow mode choices", () => {
  it("room settings: labels seconds, minutes and hours", () => {
    expect([0, 5, 30, 60, 300, 900, 3600, 90, 7200].map(slowModeLabel)).toEqual([
      "Off",
      "5 s",
      "30 s",
      "1 min",
      "5 min",
      "15 min",
      "1 h",
      "90 s",
      "2 h",
    ]);
  });

  it("room settings: offers the fixed choices, plus a current value that is not one of them", () => {
    expect(slowModeOptions(10).map((o) => o.label)).toEqual([
      "Off",
      "5 s",
      "10 s",
      "30 s",
      "1 min",
      "5 min",
      "15 min",
      "1 h",
    ]);
    const custom = slowModeOptions(45);
    expect(custom).toHaveLength(9);
    expect(custom[4]).toEqual({ value: 45, label: "45 s" });
  });
});
