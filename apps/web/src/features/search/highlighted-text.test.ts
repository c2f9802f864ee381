import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HighlightedText } from "./highlighted-text";

const render = (text: string, highlights: Array<{ start: number; end: number }>, cut = false) =>
  renderToStaticMarkup(
    createElement(HighlightedText, { snippet: { text, highlights, cutStart: cut, cutEnd: cut } }),
  );

describe("search: HighlightedText", () => {
  it("search: marks the matched ranges and nothing else", () => {
    expect(
      render("Redeployment done, deploy again", [
        { start: 2, end: 8 },
        { start: 19, end: 25 },
      ]),
    ).toBe("Re<mark>deploy</mark>ment done, <mark>deploy</mark> again");
  });

  it("search: markup inside a message stays text, marked or not", () => {
    const html = render('<img src=x onerror="alert(1)"> <b>bold</b>', [{ start: 0, end: 4 }]);
    expect(html).toBe("<mark>&lt;img</mark> src=x onerror=&quot;alert(1)&quot;&gt; &lt;b&gt;bold&lt;/b&gt;");
  });

  it("search: ignores ranges that overlap, run backwards or past the end", () => {
    expect(
      render("abcdef", [
        { start: 1, end: 3 },
        { start: 2, end: 4 },
        { start: 5, end: 4 },
        { start: 5, end: 99 },
      ]),
    ).toBe("a<mark>bc</mark>def");
  });

  it("search: shows where the message was cut", () => {
    expect(render("middle", [], true)).toBe("…middle…");
  });
});
