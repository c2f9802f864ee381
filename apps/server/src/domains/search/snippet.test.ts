import { describe, expect, it } from "vitest";
import { buildSnippet, matchRanges, SNIPPET_LENGTH } from "./snippet";

const marked = (text: string, ranges: Array<{ start: number; end: number }>) =>
  ranges.map((r) => text.slice(r.start, r.end));

describe("search: matchRanges", () => {
  it("search: finds every occurrence of each term, in any case, inside words", () => {
    const text = "Redeployment done; DEPLOY again, then deploy";
    expect(marked(text, matchRanges(text, ["deploy"]))).toEqual(["deploy", "DEPLOY", "deploy"]);
  });

  it("search: ignores accents both ways and maps back to the original characters", () => {
    const text = "Un café crème, cafe";
    expect(marked(text, matchRanges(text, ["CAFE"]))).toEqual(["café", "cafe"]);
    expect(marked(text, matchRanges(text, ["crème"]))).toEqual(["crème"]);
  });

  it("search: merges overlapping matches of several terms", () => {
    const text = "https://example.com/path?q=1";
    expect(matchRanges(text, ["example.com", "ample.com/pa"])).toEqual([{ start: 8, end: 22 }]);
  });

  it("search: keeps offsets right after characters outside the BMP", () => {
    const text = "🎉🎉 party";
    expect(marked(text, matchRanges(text, ["party"]))).toEqual(["party"]);
  });
});

describe("search: buildSnippet", () => {
  it("search: a short message is shown whole", () => {
    expect(buildSnippet("ship it", ["ship"])).toEqual({
      text: "ship it",
      highlights: [{ start: 0, end: 4 }],
      cutStart: false,
      cutEnd: false,
    });
  });

  it("search: a long message is cut around its first match, which stays marked", () => {
    const body = `${"lorem ipsum ".repeat(40)}the needle is here ${"dolor sit ".repeat(40)}`;
    const snippet = buildSnippet(body, ["needle"]);
    expect(snippet.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH);
    expect(snippet.cutStart).toBe(true);
    expect(snippet.cutEnd).toBe(true);
    expect(marked(snippet.text, snippet.highlights)).toEqual(["needle"]);
    expect(snippet.text.startsWith(" ")).toBe(false);
  });

  it("search: a match near the end keeps the end of the message", () => {
    const body = `${"x".repeat(500)} tail-match`;
    const snippet = buildSnippet(body, ["tail"]);
    expect(snippet.cutEnd).toBe(false);
    expect(snippet.text.endsWith("tail-match")).toBe(true);
    expect(marked(snippet.text, snippet.highlights)).toEqual(["tail"]);
  });
});
