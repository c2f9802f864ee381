import { describe, expect, it } from "vitest";
import { placeCard } from "./card-position";

const viewport = { width: 1280, height: 800 };
const card = { width: 300, height: 220 };
const at = (left: number, top: number, size = 36) => ({ left, top, right: left + size, bottom: top + size });

describe("profile card placement", () => {
  it("profiles: the card opens to the right of an author's avatar, top-aligned", () => {
    expect(placeCard(at(290, 200), card, viewport)).toEqual({ top: 200, left: 334 });
  });

  it("profiles: near the right edge (the members panel) it opens to the left", () => {
    expect(placeCard(at(1000, 120), card, viewport)).toEqual({ top: 120, left: 692 });
  });

  it("profiles: it never leaves the window, at the bottom or on a narrow one", () => {
    expect(placeCard(at(290, 760), card, viewport).top).toBe(800 - 8 - 220);
    expect(placeCard(at(100, 10), card, { width: 420, height: 800 })).toEqual({ top: 10, left: 100 });
    expect(placeCard(at(200, -50), card, { width: 420, height: 800 })).toEqual({ top: 8, left: 112 });
  });
});
