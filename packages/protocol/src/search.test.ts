import { describe, expect, it } from "vitest";
import { decodeSearchCursor, encodeSearchCursor, SearchQuery, searchTerms } from "./search";

describe("search: protocol", () => {
  it("search: a cursor survives the round trip and nothing else decodes", () => {
    const value = { createdAt: "2026-11-24T20:00:00.123Z", id: "0a17a3ec-98eb-42df-be79-22a8ea506272" };
    const text = encodeSearchCursor(value);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSearchCursor(text)).toEqual(value);
    for (const bad of ["", "!!", "bm9wZQ", encodeSearchCursor({ createdAt: "soon", id: value.id })]) {
      expect(decodeSearchCursor(bad)).toBeNull();
    }
  });

  it("search: terms are split on whitespace", () => {
    expect(searchTerms("  deploy   https://x.test/a  ")).toEqual(["deploy", "https://x.test/a"]);
  });

  it("search: the query normalises dates to UTC instants and checks their order", () => {
    const parsed = SearchQuery.parse({ q: " hi ", after: "2026-03-01", before: "2026-03-02T10:00:00+02:00" });
    expect(parsed).toMatchObject({
      q: "hi",
      after: "2026-03-01T00:00:00.000Z",
      before: "2026-03-02T08:00:00.000Z",
    });
    expect(parsed.limit).toBe(20);
    expect(SearchQuery.safeParse({ q: "hi", after: "2026-03-02", before: "2026-03-01" }).success).toBe(false);
    expect(SearchQuery.safeParse({ q: "hi", after: "2026-02-30" }).success).toBe(false);
    expect(SearchQuery.safeParse({ q: "hi", after: "2028-02-29" }).success).toBe(true);
    expect(SearchQuery.safeParse({ q: "hi", after: "not a date" }).success).toBe(false);
  });
});
