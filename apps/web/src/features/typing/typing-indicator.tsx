"use client";

import styles from "./typing.module.css";
import { typingText } from "./typing-text";
import { useTypists } from "./use-typists";

/**
 * "Ana is typing…" above the composer. Its line is always there, empty when nobody types, so
 * the messages above do not jump each time someone starts or stops. Screen readers hear the
 * change politely (a live region that is always mounted, as live regions must be).
 */
export function TypingIndicator({ roomId }: { roomId: string }) {
  const typists = useTypists(roomId);
  const text = typingText(typists.map((u) => u.displayName));
  return (
    <div className={styles.line} role="status" aria-live="polite" aria-atomic="true">
      {text && (
        <>
          <span className={styles.dots} aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          <span className={styles.text}>{text}</span>
        </>
      )}
    </div>
  );
}
