"use client";

import { type ReactNode, useEffect, useState } from "react";
import styles from "./markdown.module.css";

/**
 * A fenced code block. It shows the plain code at once; when a language is named, the
 * highlighter is loaded (a separate chunk, once) and the coloured version replaces it.
 */
export function CodeBlock({ code, lang }: { code: string; lang: string }) {
  const [highlighted, setHighlighted] = useState<ReactNode[] | null>(null);

  useEffect(() => {
    setHighlighted(null);
    if (!lang.trim()) return;
    let current = true;
    import("./highlight")
      .then(({ highlightCode }) => {
        if (current) setHighlighted(highlightCode(code, lang));
      })
      // Highlighting is a nicety: if its chunk cannot load, the plain code stays.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [code, lang]);

  return (
    <pre className={styles.codeBlock} data-lang={lang.trim() || undefined}>
      <code>{highlighted ?? code}</code>
    </pre>
  );
}
