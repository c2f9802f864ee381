import { describe, expect, it } from "vitest";
import { canChoose, moveHighlight, togglePerson } from "./picker-selection";

const ana = { id: "u1", displayName: "Ana" };
const ben = { id: "u2", displayName: "Ben" };
const cleo = { id: "u3", displayName: "Cleo" };

describe("people picker: choosing", () => {
  it("adds a person in the order chosen, and takes them out when chosen again", () => {
    const one = togglePerson([], ana, 7);
    const two = togglePerson(one, ben, 7);
    expect(two).toEqual([ana, ben]);
    expect(togglePerson(two, ana, 7)).toEqual([ben]);
  });

  it("stops at the limit, but a chosen person can still be taken out", () => {
    const full = [ana, ben];
    expect(togglePerson(full, cleo, 2)).toBe(full);
    expect(canChoose(full, cleo.id, 2)).toBe(false);
    expect(canChoose(full, ana.id, 2)).toBe(true);
    expect(togglePerson(full, ana, 2)).toEqual([ben]);
  });

  it("replaces the choice in single-select mode", () => {
    expect(togglePerson([ana], ben, 1)).toEqual([ben]);
    expect(canChoose([ana], ben.id, 1)).toBe(true);
    expect(togglePerson([ana], ana, 1)).toEqual([]);
  });
});

describe("people picker: keyboard highlight", () => {
  it("moves down and up, wrapping at both ends", () => {
    expect(moveHighlight(-1, 3, "ArrowDown")).toBe(0);
    expect(moveHighlight(0, 3, "ArrowDown")).toBe(1);
    expect(moveHighlight(2, 3, "ArrowDown")).toBe(0);
    expect(moveHighlight(0, 3, "ArrowUp")).toBe(2);
    expect(moveHighlight(2, 3, "ArrowUp")).toBe(1);
  });

  it("jumps with Home and End", () => {
    expect(moveHighlight(1, 5, "Home")).toBe(0);
    expect(moveHighlight(1, 5, "End")).toBe(4);
  });

  it("highlights nothing without results, and stays inside a shorter list", () => {
    expect(moveHighlight(2, 0, "ArrowDown")).toBe(-1);
    expect(moveHighlight(4, 2, "x")).toBe(1);
  });
});
