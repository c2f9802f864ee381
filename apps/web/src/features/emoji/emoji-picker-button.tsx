"use client";

import { useEffect, useRef, useState } from "react";
import styles from "./emoji.module.css";
import { EmojiPicker } from "./emoji-picker";
import { insertEmoji } from "./emoji-query";

/**
 * The composer's emoji button: opens the picker above the composer; the picked emoji goes in
 * at the caret (or over the selection) and the caret follows it.
 */
export function EmojiPickerButton({
  textarea,
  setBody,
}: {
  textarea: () => HTMLTextAreaElement | null;
  setBody: (text: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  function close() {
    setOpen(false);
    textarea()?.focus();
  }

  function pick(emoji: string) {
    const el = textarea();
    if (!el) return;
    const next = insertEmoji(
      el.value,
      el.selectionStart ?? el.value.length,
      el.selectionEnd ?? el.value.length,
      emoji,
    );
    setBody(next.text);
    setOpen(false);
    requestAnimationFrame(() => {
      el.focus();
      if (el.value === next.text) el.setSelectionRange(next.caret, next.caret);
    });
  }

  return (
    <div className={styles.anchor} ref={wrapper}>
      {open && <EmojiPicker onPick={pick} onClose={close} />}
      <button
        type="button"
        className={`btn btn-ghost btn-icon ${styles.trigger}`}
        aria-label="Emoji"
        title="Emoji"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
      >
        <SmileIcon />
      </button>
    </div>
  );
}

function SmileIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeWidth="1.8" />
      <path d="M8.5 14.5a4.5 4.5 0 0 0 7 0" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      <circle cx="9" cy="10" r="1.2" fill="currentColor" />
      <circle cx="15" cy="10" r="1.2" fill="currentColor" />
    </svg>
  );
}
