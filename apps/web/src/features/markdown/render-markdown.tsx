import type { Token, Tokens } from "marked";
import { Fragment, type ReactNode } from "react";
import mentionStyles from "../mentions/mentions.module.css";
import { CodeBlock } from "./code-block";
import styles from "./markdown.module.css";
import type { MarkdownToken, MentionMarkdownToken } from "./parse-markdown";
import { safeHref } from "./safe-href";

/** What rendering needs beyond the tokens: whose mentions stand out. */
export interface RenderContext {
  /** My display name, lower-cased. */
  me: string;
}

/**
 * Markdown tokens to React elements. Nothing here produces HTML from text: every string is a
 * React text child (escaped by React), and only the elements below are ever created — so
 * `<script>`, event-handler attributes or raw HTML in a message stay visible text. Token types
 * this chat does not support (raw HTML, images) are shown as the text that was typed.
 */
export function renderBlocks(tokens: readonly MarkdownToken[], ctx: RenderContext): ReactNode[] {
  return tokens.map((token, i) => renderBlock(token, i, ctx));
}

function renderBlock(token: MarkdownToken, key: number, ctx: RenderContext): ReactNode {
  switch (token.type) {
    case "space":
      return null;
    case "paragraph":
      return (
        <p key={key} className={styles.paragraph}>
          {renderInline((token as Tokens.Paragraph).tokens, ctx)}
        </p>
      );
    case "text": {
      // A list item's text: inline tokens, no paragraph around them (a "tight" list).
      const text = token as Tokens.Text;
      return <Fragment key={key}>{text.tokens ? renderInline(text.tokens, ctx) : text.text}</Fragment>;
    }
    case "code": {
      const code = token as Tokens.Code;
      return <CodeBlock key={key} code={code.text} lang={code.lang ?? ""} />;
    }
    case "blockquote":
      return (
        <blockquote key={key} className={styles.quote}>
          {renderBlocks((token as Tokens.Blockquote).tokens, ctx)}
        </blockquote>
      );
    case "list":
      return renderList(token as Tokens.List, key, ctx);
    default:
      // Raw HTML blocks and anything unsupported: the typed text, as text.
      return (
        <p key={key} className={styles.paragraph}>
          {token.raw.replace(/\n+$/, "")}
        </p>
      );
  }
}

function renderList(list: Tokens.List, key: number, ctx: RenderContext): ReactNode {
  const items = list.items.map((item, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: list items have no identity but their place.
    <li key={i} className={item.task ? styles.task : undefined}>
      {item.task && (
        <input type="checkbox" checked={item.checked ?? false} disabled readOnly aria-label="Task" />
      )}
      {renderBlocks(item.tokens, ctx)}
    </li>
  ));
  if (list.ordered) {
    const start = typeof list.start === "number" && list.start !== 1 ? list.start : undefined;
    return (
      <ol key={key} className={styles.list} start={start}>
        {items}
      </ol>
    );
  }
  return (
    <ul key={key} className={styles.list}>
      {items}
    </ul>
  );
}

function renderInline(tokens: readonly MarkdownToken[] | undefined, ctx: RenderContext): ReactNode[] {
  return (tokens ?? []).map((token, i) => renderSpan(token, i, ctx));
}

function renderSpan(token: MarkdownToken, key: number, ctx: RenderContext): ReactNode {
  switch (token.type) {
    case "text":
    case "escape":
      return <Fragment key={key}>{(token as Tokens.Text).text}</Fragment>;
    case "strong":
      return <strong key={key}>{renderInline((token as Tokens.Strong).tokens, ctx)}</strong>;
    case "em":
      return <em key={key}>{renderInline((token as Tokens.Em).tokens, ctx)}</em>;
    case "del":
      return <del key={key}>{renderInline((token as Tokens.Del).tokens, ctx)}</del>;
    case "codespan":
      return (
        <code key={key} className={styles.code}>
          {(token as Tokens.Codespan).text}
        </code>
      );
    case "br":
      // A line break stays the typed newline (the body is white-space: pre-wrap), so the text of
      // a message in the page is the text that was sent.
      return <Fragment key={key}>{"\n"}</Fragment>;
    case "link":
      return renderLink(token as Tokens.Link, key, ctx);
    case "mention":
      return renderMention(token as MentionMarkdownToken, key, ctx);
    default:
      // Inline HTML (`<img onerror=…>`), images and anything else: the typed text.
      return <Fragment key={key}>{(token as Token).raw}</Fragment>;
  }
}

/**
 * A link opens in a new tab without giving the page a handle on this one (noopener), without
 * telling it where the reader came from (noreferrer), and without vouching for it (nofollow).
 * A link whose scheme is not allowed is shown as the text that was typed.
 */
function renderLink(link: Tokens.Link, key: number, ctx: RenderContext): ReactNode {
  const href = safeHref(link.href);
  if (!href) return <Fragment key={key}>{link.raw}</Fragment>;
  return (
    <a
      key={key}
      className={styles.link}
      href={href}
      target="_blank"
      rel="noopener noreferrer nofollow"
      title={link.autolink ? undefined : href}
    >
      {renderInline(link.tokens, ctx)}
    </a>
  );
}

function renderMention({ mention }: MentionMarkdownToken, key: number, ctx: RenderContext): ReactNode {
  const label = mention.kind === "person" ? `@${mention.name}` : `@${mention.kind}`;
  const mine = mention.kind !== "person" || mention.name.toLocaleLowerCase() === ctx.me;
  return (
    <span key={key} className={mine ? `${mentionStyles.chip} ${mentionStyles.me}` : mentionStyles.chip}>
      {label}
    </span>
  );
}
