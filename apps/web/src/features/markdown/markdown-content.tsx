"use client";

import { useMemo } from "react";
import { isEmojiOnly } from "../emoji/emoji-only";
import styles from "./markdown.module.css";
import { parseMarkdown } from "./parse-markdown";
import { renderBlocks } from "./render-markdown";

/**
 * A message body as markdown (see render-markdown.tsx for what is and is not drawn), or, when
 * it is one to three emoji and nothing else, those emoji drawn large.
 */
export function MarkdownContent({
  body,
  myName,
  className,
}: {
  body: string;
  myName: string;
  className?: string;
}) {
  const jumbo = isEmojiOnly(body);
  const tokens = useMemo(() => (jumbo ? [] : parseMarkdown(body)), [body, jumbo]);
  if (jumbo)
    return (
      <div className={classes(className, styles.jumbo)}>
        <p className={styles.paragraph}>{body.trim()}</p>
      </div>
    );
  return (
    <div className={classes(className, styles.markdown)}>
      {renderBlocks(tokens, { me: myName.toLocaleLowerCase() })}
    </div>
  );
}

function classes(...names: Array<string | undefined>): string {
  return names.filter(Boolean).join(" ");
}
