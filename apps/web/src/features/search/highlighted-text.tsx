import type { SearchSnippet } from "@parley/protocol";
import type { ReactNode } from "react";

/**
 * A result's stretch of text with its matches in <mark>: built from the server's ranges as
 * React text nodes, so nothing in a message is ever parsed as markup.
 */
export function HighlightedText({
  snippet,
  markClassName,
}: {
  snippet: SearchSnippet;
  markClassName?: string;
}) {
  const { text, highlights } = snippet;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const { start, end } of highlights) {
    if (start < at || end > text.length || end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={start} className={markClassName}>
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return (
    <>
      {snippet.cutStart && "…"}
      {parts}
      {snippet.cutEnd && "…"}
    </>
  );
}
