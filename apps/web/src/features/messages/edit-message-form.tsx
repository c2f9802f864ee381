"use client";

import { isMessageTooLong, MESSAGE_MAX_LENGTH, type Message } from "@parley/protocol";
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { describeError } from "../api/api-error";
import styles from "./messages.module.css";
import { useEditMessage } from "./use-edit-message";

/**
 * The message's text in place, editable: Enter saves, Shift+Enter is a new line, Escape
 * cancels (as in Slack). Saving the same text just closes; a blank text is not saved (delete
 * the message instead).
 */
export function EditMessageForm({ message, onDone }: { message: Message; onDone: () => void }) {
  const [body, setBody] = useState(message.body);
  const edit = useEditMessage(message.roomId);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const tooLong = isMessageTooLong(body);
  const blank = body.trim().length === 0;

  function save(event?: FormEvent) {
    event?.preventDefault();
    if (blank || tooLong || edit.isPending) return;
    if (body === message.body) return onDone();
    edit.mutate({ messageId: message.id, body }, { onSuccess: onDone });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      onDone();
    } else if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  }

  const problem = blank
    ? "A message cannot be empty. Delete it instead."
    : tooLong
      ? `At most ${MESSAGE_MAX_LENGTH} characters.`
      : edit.error
        ? describeError(edit.error)
        : null;
  return (
    <form className={styles.editForm} onSubmit={save}>
      <textarea
        ref={box}
        className={`input ${styles.editBox}`}
        aria-label="Edit message"
        value={body}
        rows={Math.min(8, body.split("\n").length)}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className={styles.editActions}>
        <span className={styles.editHint}>
          <kbd>Esc</kbd> to cancel · <kbd>Enter</kbd> to save
        </span>
        <button type="button" className="btn btn-small btn-ghost" onClick={onDone}>
          Cancel
        </button>
        <button
          type="submit"
          className="btn btn-small btn-primary"
          disabled={blank || tooLong || edit.isPending}
        >
          {edit.isPending ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}
