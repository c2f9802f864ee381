import { describe, expect, it } from "vitest";
import { loginPathFor, safeNextPath } from "./next-path";

describe("auth: safeNextPath", () => {
  it("returns to a room after signing in", () => {
    expect(safeNextPath("?next=%2Frooms%2Fabc-123")).toBe("/rooms/abc-123");
  });

  it("refuses other sites and odd paths", () => {
    expect(safeNextPath("?next=https%3A%2F%2Fevil.example")).toBe("/rooms");
    expect(safeNextPath("?next=%2F%2Fevil.example")).toBe("/rooms");
    expect(safeNextPath("?next=%2Frooms%2F..%2F..%2Fapi")).toBe("/rooms");
    expect(safeNextPath("")).toBe("/rooms");
  });

  it("remembers only room pages", () => {
    expect(loginPathFor("/rooms/abc")).toBe("/login?next=%2Frooms%2Fabc");
    expect(loginPathFor("/rooms")).toBe("/login");
  });
});
