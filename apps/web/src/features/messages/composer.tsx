"use client";

import { isMessageTooLong, MESSAGE_MAX_LENGTH } from "@parley/protocol";
import { type FormEvent, type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from "react";
import styles from "./composer.module.css";
import { readDraft, saveDraft } from "./drafts";

/** The counter appears this close to the limit. */
const COUNTER_FROM = MESSAGE_MAX_LENGTH - 500;

export function Composer({
  roomId,
  roomName,
  onSend,
}: {
  roomId: string;
  roomName: string;
  onSend: (body: string) => void;
}) {
  const [body, setBodyState] = useState(() => readDraft(roomId));
  const textarea = useRef<HTMLTextAreaElement>(null);
  const counterId = useId();
  // Counted by code point, as the server counts (an emoji is one character).
  const length = [...body].length;
  const tooLong = isMessageTooLong(body);
  const blank = body.trim().length === 0;

  function setBody(text: string) {
    setBodyState(text);
    saveDraft(roomId, text);
  }

  // Grow with the text; CSS caps the height at about eight lines.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure whenever the text changes.
  useLayoutEffect(() => {
    const el = textarea.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight}px`;
  }, [body]);

  function send() {
    if (blank || tooLong) return;
    onSend(body);
    setBody("");
    textarea.current?.focus();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    send();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends, Shift+Enter is a newline; never while an IME is composing a character.
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  return (
    <form className={styles.composer} onSubmit={onSubmit}>
      <div className={styles.box} data-invalid={tooLong}>
        <textarea
          ref={textarea}
          className={styles.textarea}
          aria-label="Message"
          aria-describedby={length >= COUNTER_FROM ? counterId : undefined}
          aria-invalid={tooLong || undefined}
          placeholder={`Message #${roomName}`}
          rows={1}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button className={`btn btn-primary ${styles.send}`} type="submit" disabled={blank || tooLong}>
          Send
        </button>
      </div>
      <div className={styles.footer}>
        <span className={styles.keys}>
          <b>Enter</b> to send · <b>Shift+Enter</b> for a new line
        </span>
        {length >= COUNTER_FROM && (
          <span id={counterId} className={`${styles.counter} ${tooLong ? styles.over : ""}`}>
            {tooLong
              ? `Too long by ${(length - MESSAGE_MAX_LENGTH).toLocaleString()} characters`
              : `${(MESSAGE_MAX_LENGTH - length).toLocaleString()} characters left`}
          </span>
        )}
      </div>
    </form>
  );
}
