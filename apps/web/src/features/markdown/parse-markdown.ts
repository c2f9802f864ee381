import { type MentionToken, tokenizeMentions } from "@parley/protocol";
import { Marked, type Token, type TokenizerExtension, type Tokens } from "marked";

/** A mention inside the markdown (`@**Name**`, `@room`, `@here`): the renderer draws a chip. */
export interface MentionMarkdownToken {
  type: "mention";
  raw: string;
  mention: Exclude<MentionToken, { kind: "text" }>;
}

/** What the renderer walks: marked's tokens plus mentions. */
export type MarkdownToken = Token | MentionMarkdownToken;

/**
 * Mentions are an inline token of their own, tried before emphasis, so `@**Ana Lopez**` is a
 * chip and not "@" + bold; inside code spans and blocks the code tokenizers win and they stay
 * text. The protocol's tokenizer decides what a mention is, so the chip is what notified.
 */
const mention: TokenizerExtension = {
  name: "mention",
  level: "inline",
  start(src) {
    const at = src.search(/@(?:\*\*|room|here)/);
    return at < 0 ? undefined : at;
  },
  tokenizer(src, tokens) {
    if (!src.startsWith("@")) return undefined;
    const [first] = tokenizeMentions(src);
    if (!first || first.kind === "text" || !src.startsWith(first.text)) return undefined;
    // @room/@here only as a whole word: not the end of "ana@here.com" (the protocol's regex
    // looks behind for this, but here the text before the "@" is in the previous token).
    if (first.kind !== "person") {
      const before = tokens.at(-1)?.raw.at(-1) ?? " ";
      if (/[\w@.]/.test(before)) return undefined;
    }
    const token: MentionMarkdownToken = { type: "mention", raw: first.text, mention: first };
    return token as unknown as Tokens.Generic;
  },
};

/**
 * Chat markdown, parsed once per body: GFM (strike, bare URLs auto-linked), single newlines
 * kept as line breaks. Headings, rules, tables and link definitions are switched off: in a chat
 * "# 1 priority", "---" or "[1]: note" are text, not structure (a disabled tokenizer returns
 * undefined and the text tokenizer takes the line).
 */
const parser = new Marked({
  gfm: true,
  breaks: true,
  extensions: [mention],
  tokenizer: {
    heading: () => undefined,
    lheading: () => undefined,
    hr: () => undefined,
    table: () => undefined,
    def: () => undefined,
  },
});

/** The body's markdown tokens (never HTML: the renderer turns them into React elements). */
export function parseMarkdown(body: string): MarkdownToken[] {
  return parser.lexer(body) as MarkdownToken[];
}
