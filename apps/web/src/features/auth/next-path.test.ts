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

  it("returns to an invite link after signing in", () => {
    expect(safeNextPath("?next=%2Finvite%2FAbc_def-1234567890")).toBe("/invite/Abc_def-1234567890");
    expect(safeNextPath("?next=%2Finvite%2F..%2Fapi")).toBe("/rooms");
    expect(loginPathFor("/invite/Abc_def-1234567890")).toBe("/login?next=%2Finvite%2FAbc_def-1234567890");
  });

  it("remembers only room and invite pages", () => {
    expect(loginPathFor("/rooms/abc")).toBe("/login?next=%2Frooms%2Fabc");
    expect(loginPathFor("/rooms")).toBe("/login");
  });
});
