"use client";

import type { ReplyPreview } from "@parley/protocol";
import styles from "./messages.module.css";

/**
 * The quote above a reply: who wrote the original and how it starts. A click goes to the
 * original, loading older history back to it when it is not on screen.
 */
export function ReplyQuote({ reply, onJump }: { reply: ReplyPreview; onJump?: (seq: number) => void }) {
  const text = reply.deleted ? "This message was deleted." : reply.excerpt;
  return (
    <button
      type="button"
      className={styles.replyQuote}
      onClick={() => onJump?.(reply.seq)}
      aria-label={`Reply to ${reply.author.displayName}: ${text} — show the message`}
    >
      <strong>{reply.author.displayName}</strong>
      <span className={reply.deleted ? styles.replyDeleted : undefined}>{text}</span>
    </button>
  );
}
