import { describe, expect, it } from "vitest";
import { layoutItems } from "./grouping";

// Local times, so the day boundaries hold in any time zone the tests run in.
const at = (day: number, hour: number, minute: number, second = 0) =>
  new Date(2026, 0, day, hour, minute, second).toISOString();

describe("messages: layoutItems (grouping and day separators)", () => {
  it("groups consecutive messages by one author within five minutes", () => {
    const layouts = layoutItems([
      { authorId: "a", createdAt: at(5, 9, 0) },
      { authorId: "a", createdAt: at(5, 9, 3) },
      { authorId: "a", createdAt: at(5, 9, 7, 59) },
    ]);
    expect(layouts.map((l) => l.startsGroup)).toEqual([true, false, false]);
  });

  it("starts a new group after a five-minute pause", () => {
    const layouts = layoutItems([
      { authorId: "a", createdAt: at(5, 9, 0) },
      { authorId: "a", createdAt: at(5, 9, 5, 1) },
    ]);
    expect(layouts.map((l) => l.startsGroup)).toEqual([true, true]);
  });

  it("starts a new group when the author changes", () => {
    const layouts = layoutItems([
      { authorId: "a", createdAt: at(5, 9, 0) },
      { authorId: "b", createdAt: at(5, 9, 1) },
      { authorId: "a", createdAt: at(5, 9, 2) },
    ]);
    expect(layouts.map((l) => l.startsGroup)).toEqual([true, true, true]);
  });

  it("puts a day separator where the date changes, and never groups across it", () => {
    const layouts = layoutItems([
      { authorId: "a", createdAt: at(5, 23, 58) },
      { authorId: "a", createdAt: at(6, 0, 1) },
      { authorId: "a", createdAt: at(6, 0, 2) },
    ]);
    expect(layouts).toEqual([
      { startsGroup: true, startsDay: true },
      { startsGroup: true, startsDay: true },
      { startsGroup: false, startsDay: false },
    ]);
  });
});
