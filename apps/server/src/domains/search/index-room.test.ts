import { describe, expect, it } from "vitest";
import { indexWindow } from "./index-room";

describe("indexWindow", () => {
  it("search: every message of one window shares one job, due a window after it closes", () => {
    const a = indexWindow(10_000, 1_000);
    expect(indexWindow(10_999, 1_000)).toEqual(a);
    expect(a.runAfter.getTime()).toBe(12_000);
    expect(indexWindow(11_000, 1_000).key).not.toBe(a.key);
  });
});
