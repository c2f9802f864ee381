import { describe, expect, it } from "vitest";
import { activeFilterCount, localDayStart, NO_FILTERS, searchParams } from "./search-params";

describe("search: searchParams", () => {
  it("search: nothing to ask for while the text is blank", () => {
    expect(searchParams({ ...NO_FILTERS, q: "   " })).toBeNull();
  });

  it("search: sends the trimmed text and only the filters that are set", () => {
    const params = searchParams({ ...NO_FILTERS, q: "  deploy  ", roomId: "r1" });
    expect(Object.fromEntries(params ?? [])).toEqual({ q: "deploy", roomId: "r1" });
  });

  it("search: a date range covers both whole local days", () => {
    const params = searchParams({ ...NO_FILTERS, q: "x", fromDate: "2026-03-01", toDate: "2026-03-03" });
    expect(params?.get("after")).toBe(new Date(2026, 2, 1).toISOString());
    expect(params?.get("before")).toBe(new Date(2026, 2, 4).toISOString());
  });

  it("search: a malformed day is left out rather than sent", () => {
    expect(localDayStart("03/01/2026")).toBeNull();
    expect(searchParams({ ...NO_FILTERS, q: "x", fromDate: "soon" })?.has("after")).toBe(false);
  });

  it("search: counts the filters in use", () => {
    expect(activeFilterCount({ ...NO_FILTERS, q: "x" })).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, q: "x", roomId: "r", from: "u", fromDate: "2026-01-01" })).toBe(
      3,
    );
  });

  it("search: asks for messages with files only when the box is ticked, and counts it as a filter", () => {
    const ticked = { ...NO_FILTERS, q: "plan", hasFile: true };
    expect(searchParams(ticked)?.get("hasFile")).toBe("true");
    expect(searchParams({ ...NO_FILTERS, q: "plan" })?.has("hasFile")).toBe(false);
    expect(activeFilterCount(ticked)).toBe(1);
  });
});
