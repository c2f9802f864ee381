import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { highlightCode } from "./highlight";
import { HOSTILE_BODIES } from "./hostile-corpus";
import { MarkdownContent } from "./markdown-content";

function render(body: string, myName = "Ana Lopez"): string {
  return renderToStaticMarkup(createElement(MarkdownContent, { body, myName }));
}

/** Every tag the renderer may create; anything else in the output came from the message. */
const ALLOWED_TAGS = new Set([
  "div",
  "p",
  "strong",
  "em",
  "del",
  "code",
  "pre",
  "a",
  "ul",
  "ol",
  "li",
  "blockquote",
  "span",
  "input",
]);

function tags(html: string): string[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => (m[1] ?? "").toLowerCase());
}

/** Attribute names of every tag (React always quotes values with "). */
function attributeNames(html: string): string[] {
  return [...html.matchAll(/<[a-zA-Z][\w-]*([^>]*)>/g)].flatMap((m) =>
    [...(m[1] ?? "").matchAll(/\s([^\s="/]+)(?:="[^"]*")?/g)].map((a) => (a[1] ?? "").toLowerCase()),
  );
}

/** CSS module class names are hashed in tests ("_chip_1a2b3c"): match on the readable part. */
const cls = (name: string) => `class="[^"]*\\b_?${name}(?:_\\w+)?\\b[^"]*"`;

describe("markdown: rendering", () => {
  it("draws bold, italics, strike, inline code, quotes and lists", () => {
    const html = render("**b** _i_ ~~s~~ `c`\n> quoted\n\n- one\n- two\n\n3. three\n4. four");
    expect(html).toContain("<strong>b</strong>");
    expect(html).toContain("<em>i</em>");
    expect(html).toContain("<del>s</del>");
    expect(html).toMatch(/<code[^>]*>c<\/code>/);
    expect(html).toMatch(/<blockquote[^>]*><p[^>]*>quoted<\/p><\/blockquote>/);
    expect(html).toMatch(/<ul[^>]*><li>one<\/li><li>two<\/li><\/ul>/);
    expect(html).toMatch(/<ol[^>]*start="3"[^>]*><li>three<\/li><li>four<\/li><\/ol>/);
  });

  it("keeps single line breaks and shows headings, rules and tables as typed text", () => {
    const html = render("a\nb\n# not a heading\n---");
    expect(html).toContain("a\nb\n# not a heading\n---");
    expect(tags(html)).not.toContain("h1");
    expect(tags(html)).not.toContain("hr");
  });

  it("links http, https, mailto and bare URLs, opening in a new tab without referrer", () => {
    const html = render(
      "[site](https://example.com/a) www.example.org http://x.test/?q=1&r=2 ana@example.com",
    );
    expect(html).toContain('href="https://example.com/a" target="_blank" rel="noopener noreferrer nofollow"');
    expect(html).toContain('href="http://www.example.org/"');
    expect(html).toContain('href="http://x.test/?q=1&amp;r=2"');
    expect(html).toContain('href="mailto:ana@example.com"');
  });

  it("shows links with other schemes as the text that was typed", () => {
    const html = render("[x](javascript:alert(1)) [y](data:text/html,hi) <javascript:alert(2)>");
    expect(html).not.toContain("<a");
    expect(html).toContain("[x](javascript:alert(1))");
    expect(html).toContain("[y](data:text/html,hi)");
  });

  it("draws mentions as chips, mine highlighted, but not inside code", () => {
    const html = render("hi @**Ana Lopez** and @**Ben**, @room; `@here` ana@here.com");
    const chip = (label: string, mine: boolean) =>
      new RegExp(`<span class="_?chip(?:_\\w+)?${mine ? " _?me(?:_\\w+)?" : ""}">${label}</span>`);
    expect(html).toMatch(chip("@Ana Lopez", true));
    expect(html).toMatch(chip("@Ben", false));
    expect(html).toMatch(chip("@room", true));
    expect(html).toMatch(/<code[^>]*>@here<\/code>/);
    expect(html).toContain("ana@here.com");
    expect(html.match(/chip/g)).toHaveLength(3);
    expect(render("```\n@**Ana Lopez**\n```")).not.toContain("chip");
  });

  it("draws a fenced block as pre/code with its language, plain until highlighted", () => {
    const html = render("```ts\nconst a = 1 < 2;\n```");
    expect(html).toMatch(
      new RegExp(`<pre ${cls("codeBlock")} data-lang="ts"><code>const a = 1 &lt; 2;</code></pre>`),
    );
  });

  it("draws one to three emoji large, and emoji within text normally", () => {
    expect(render(" 🎉👍🏽 ")).toMatch(
      new RegExp(`^<div ${cls("jumbo")}><p ${cls("paragraph")}>🎉👍🏽</p></div>$`),
    );
    expect(render("great 🎉")).not.toContain("jumbo");
  });
});

describe("markdown: highlighting", () => {
  it("turns a known language into token spans (text escaped by React)", () => {
    const nodes = highlightCode('const a = "<b>";', "ts");
    expect(nodes).not.toBeNull();
    const html = renderToStaticMarkup(createElement("code", null, nodes));
    expect(html).toContain('<span class="token keyword">const</span>');
    expect(html).toContain('<span class="token string">&quot;&lt;b&gt;&quot;</span>');
  });

  it("leaves unknown languages to the plain block", () => {
    expect(highlightCode("x", "no-such-language")).toBeNull();
    expect(highlightCode("x", "")).toBeNull();
  });

  it("highlights hostile code into text, never markup", () => {
    const nodes = highlightCode("<script>alert(1)</script><img src=x onerror=alert(1)>", "html");
    const html = renderToStaticMarkup(createElement("code", null, nodes));
    expect(tags(html).filter((t) => t !== "code" && t !== "span")).toEqual([]);
    expect(html).not.toMatch(/\son\w+=/i);
  });
});

describe("markdown: hostile input", () => {
  it.each(HOSTILE_BODIES.map((body) => [body]))("renders %j inert", (body) => {
    const html = render(body);
    // Only the renderer's own elements…
    for (const tag of tags(html)) expect(ALLOWED_TAGS, `<${tag}> in ${html}`).toContain(tag);
    // …with only the renderer's own attributes: no event handlers, no style, no src.
    for (const name of attributeNames(html)) {
      expect(name, html).not.toMatch(/^on/);
      expect([
        "class",
        "href",
        "target",
        "rel",
        "title",
        "start",
        "type",
        "checked",
        "disabled",
        "aria-label",
        "data-lang",
      ]).toContain(name);
    }
    // No link to anything but http(s)/mailto.
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(https?|mailto):/);
    expect(html).not.toMatch(/<script/i);
  });

  it("keeps the hostile text visible as text", () => {
    expect(render("<script>alert(1)</script>")).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(render("<img src=x onerror=alert(1)>")).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});
