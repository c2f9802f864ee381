import { describe, expect, it } from "vitest";
import { findGap, gapBefore } from "./gap";
import { fakeMessage } from "./test-messages";

describe("messages: gapBefore", () => {
  const held = [fakeMessage(4), fakeMessage(5)];

  it("sees no gap for the next message", () => {
    expect(gapBefore(held, { seq: 6 })).toBeNull();
  });

  it("sees no gap for a message we already have", () => {
    expect(gapBefore(held, { seq: 5 })).toBeNull();
    expect(gapBefore(held, { seq: 1 })).toBeNull();
  });

  it("reports where to fetch from when messages were skipped", () => {
    expect(gapBefore(held, { seq: 9 })).toBe(5);
  });

  it("sees no gap in an empty room (its first page has not been merged yet)", () => {
    expect(gapBefore([], { seq: 9 })).toBeNull();
  });
});

describe("messages: findGap", () => {
  it("finds nothing in a contiguous list", () => {
    expect(findGap([fakeMessage(1), fakeMessage(2), fakeMessage(3)])).toBeNull();
    expect(findGap([])).toBeNull();
  });

  it("finds the first hole", () => {
    const list = [fakeMessage(1), fakeMessage(2), fakeMessage(5), fakeMessage(6), fakeMessage(9)];
    expect(findGap(list)).toEqual({ after: 2, before: 5 });
  });
});
