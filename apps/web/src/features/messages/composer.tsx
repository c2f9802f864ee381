"use client";

import { type Attachment, isMessageTooLong, MESSAGE_MAX_LENGTH, type ReplyPreview } from "@parley/protocol";
import {
  type FormEvent,
  type KeyboardEvent,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { AttachButton } from "../attachments/attach-button";
import { DropOverlay } from "../attachments/drop-overlay";
import { UploadChips } from "../attachments/upload-chips";
import { pastedFiles, useFileDrop } from "../attachments/use-file-drop";
import { usePendingUploads } from "../attachments/use-pending-uploads";
import { useSendWhenUploaded } from "../attachments/use-send-when-uploaded";
import { EmojiPickerButton } from "../emoji/emoji-picker-button";
import { EmojiPopup } from "../emoji/emoji-popup";
import { EMOJI_LIST_ID, useEmojiAutocomplete } from "../emoji/use-emoji-autocomplete";
import { MENTION_LIST_ID, MentionPopup } from "../mentions/mention-popup";
import { comboboxAria } from "../mentions/use-autocomplete";
import { useMentionAutocomplete } from "../mentions/use-mention-autocomplete";
import type { MentionCandidates } from "../mentions/use-mention-candidates";
import { useTypingSender } from "../typing/use-typing-sender";
import styles from "./composer.module.css";
import { readDraft, saveDraft } from "./drafts";

/** The counter appears this close to the limit. */
const COUNTER_FROM = MESSAGE_MAX_LENGTH - 500;

export function Composer({
  roomId,
  placeholder,
  mentions,
  onSend,
  replyTo = null,
  onCancelReply,
  onEditLast,
  draftKey = roomId,
  acceptDrops = true,
  label = "Message",
}: {
  roomId: string;
  /** Where the unsent text is kept (a thread's composer keeps its own, apart from the room's). */
  draftKey?: string;
  /** Files dropped anywhere on the page come here (false: a second composer on the page). */
  acceptDrops?: boolean;
  /** The box's accessible name ("Message"; a thread's: "Reply in thread"). */
  label?: string;
  /** Who "@" completes to here. */
  mentions: MentionCandidates;
  /** "Message #general", "Message Ben". */
  placeholder: string;
  /** The text (a caption when files go with it) and the uploaded files. */
  onSend: (body: string, attachments: Attachment[]) => void;
  /** The message the next send answers (shown above the box; Escape or ✕ cancels it). */
  replyTo?: ReplyPreview | null;
  onCancelReply?: () => void;
  /** Up arrow in an empty box: edit my newest message (as in Slack); false when there is none. */
  onEditLast?: () => boolean;
}) {
  const [body, setBodyState] = useState(() => readDraft(draftKey));
  const textarea = useRef<HTMLTextAreaElement>(null);
  const counterId = useId();
  // "Ana is typing…" for the others: announced while the text changes, reset on send and blur.
  const typing = useTypingSender(roomId);
  // Counted by code point, as the server counts (an emoji is one character).
  const length = [...body].length;
  const tooLong = isMessageTooLong(body);
  // Files for the next message: chosen, dropped onto the page or pasted; each uploads at once.
  const files = usePendingUploads(roomId);
  const dragging = useFileDrop(files.add, acceptDrops);
  const blank = body.trim().length === 0 && files.uploads.length === 0;

  function setBody(text: string) {
    setBodyState(text);
    saveDraft(draftKey, text);
  }

  // Grow with the text; CSS caps the height at about eight lines.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure whenever the text changes.
  useLayoutEffect(() => {
    const el = textarea.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight}px`;
  }, [body]);

  // Choosing "Reply" puts the caret here.
  useEffect(() => {
    if (replyTo) textarea.current?.focus();
  }, [replyTo]);

  const autocomplete = useMentionAutocomplete(mentions, () => textarea.current, setBody);
  const emoji = useEmojiAutocomplete(() => textarea.current, setBody);

  function send() {
    if (blank || tooLong || files.state === "failed") return;
    // Send waits until every file has uploaded.
    if (files.state === "uploading") return later.request();
    onSend(body, files.attachments);
    files.clear();
    typing.stop();
    setBody("");
    textarea.current?.focus();
  }

  const later = useSendWhenUploaded(files.state, send);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    send();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (autocomplete.onKeyDown(event) || emoji.onKeyDown(event)) return;
    if (
      event.key === "ArrowUp" &&
      body === "" &&
      !event.shiftKey &&
      !event.altKey &&
      !event.metaKey &&
      !event.ctrlKey &&
      onEditLast?.()
    ) {
      event.preventDefault();
      return;
    }
    if (event.key === "Escape" && replyTo) {
      event.preventDefault();
      onCancelReply?.();
      return;
    }
    // Enter sends, Shift+Enter is a newline; never while an IME is composing a character.
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  return (
    <form className={styles.composer} onSubmit={onSubmit}>
      {dragging && <DropOverlay />}
      <UploadChips
        uploads={files.uploads}
        onCancel={files.cancel}
        notice={later.waiting ? "Sends when the files have uploaded" : files.notice}
      />
      {replyTo && (
        <div className={styles.replying}>
          <span className={styles.replyingText}>
            Replying to <strong>{replyTo.author.displayName}</strong>
            <span className={styles.replyingExcerpt}>
              {replyTo.deleted ? "This message was deleted." : replyTo.excerpt}
            </span>
          </span>
          <button
            type="button"
            className="btn btn-ghost btn-icon"
            aria-label="Cancel reply"
            title="Cancel reply (Esc)"
            onClick={onCancelReply}
          >
            ✕
          </button>
        </div>
      )}
      <div className={styles.box} data-invalid={tooLong}>
        <MentionPopup autocomplete={autocomplete} />
        <EmojiPopup autocomplete={emoji} />
        <AttachButton onFiles={files.add} />
        <textarea
          ref={textarea}
          className={styles.textarea}
          aria-label={label}
          aria-describedby={length >= COUNTER_FROM ? counterId : undefined}
          aria-invalid={tooLong || undefined}
          placeholder={placeholder}
          rows={1}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            typing.typed(e.target.value);
            autocomplete.track(e.target);
            emoji.input(e.target);
          }}
          onSelect={(e) => {
            autocomplete.track(e.currentTarget);
            emoji.track(e.currentTarget);
          }}
          onBlur={() => {
            typing.stop();
            autocomplete.close();
            emoji.close();
          }}
          aria-autocomplete="list"
          {...comboboxAria(
            { autocomplete, listId: MENTION_LIST_ID },
            { autocomplete: emoji, listId: EMOJI_LIST_ID },
          )}
          onKeyDown={onKeyDown}
          onPaste={(e) => {
            const pasted = pastedFiles(e.clipboardData);
            if (pasted.length === 0) return;
            e.preventDefault();
            files.add(pasted);
          }}
        />
        <EmojiPickerButton textarea={() => textarea.current} setBody={setBody} />
        <button
          className={`btn btn-primary ${styles.send}`}
          type="submit"
          disabled={blank || tooLong || files.state === "failed" || later.waiting}
        >
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
