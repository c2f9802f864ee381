"use client";

import type { Message } from "@parley/protocol";
import { useQueries } from "@tanstack/react-query";
import { type CSSProperties, useEffect, useRef, useState } from "react";
import { describeError } from "../api/api-error";
import { EmojiPicker } from "../emoji/emoji-picker";
import { profileQuery } from "../profile/profile-query";
import { Toast } from "../ui/toast";
import { QUICK_REACTIONS, reactionText } from "./reaction-text";
import styles from "./reactions.module.css";
import { useReact } from "./use-react";

type Reaction = NonNullable<Message["reactions"]>[number];

/**
 * A message's reactions as chips ("👍 2"), mine pressed; a click adds mine or takes it back.
 * Hovering a chip says who reacted. Read-only when I may not react (muted, archived).
 */
export function ReactionBar({
  message,
  myId,
  canReact,
}: {
  message: Message;
  myId: string;
  canReact: boolean;
}) {
  const react = useReact(message.roomId);
  const reactions = message.reactions ?? [];
  if (reactions.length === 0 && !react.error) return null;
  return (
    <>
      {reactions.length > 0 && (
        <ul className={styles.bar} aria-label="Reactions">
          {reactions.map((reaction) => (
            <li key={reaction.emoji}>
              <ReactionChip
                reaction={reaction}
                myId={myId}
                disabled={!canReact || react.isPending}
                onToggle={(on) => react.mutate({ messageId: message.id, emoji: reaction.emoji, on })}
              />
            </li>
          ))}
        </ul>
      )}
      {react.error && (
        <Toast text={`Could not react: ${describeError(react.error)}`} onDismiss={react.reset} />
      )}
    </>
  );
}

function ReactionChip({
  reaction,
  myId,
  disabled,
  onToggle,
}: {
  reaction: Reaction;
  myId: string;
  disabled: boolean;
  onToggle: (on: boolean) => void;
}) {
  const mine = reaction.userIds.includes(myId);
  const others = reaction.userIds.filter((id) => id !== myId).slice(0, 10);
  const profiles = useQueries({ queries: others.map((id) => profileQuery(id)) });
  const names = profiles.map((p) => p.data?.displayName ?? "someone");
  const extra = reaction.userIds.length - (mine ? 1 : 0) - others.length;
  const text = reactionText(
    reaction.emoji,
    extra > 0 ? [...names, ...Array(extra).fill("someone")] : names,
    mine,
  );
  return (
    <button
      type="button"
      className={styles.chip}
      aria-pressed={mine}
      aria-label={text}
      title={text}
      disabled={disabled}
      onClick={() => onToggle(!mine)}
    >
      <span className={styles.emoji} aria-hidden="true">
        {reaction.emoji}
      </span>
      <span className={styles.count} aria-hidden="true">
        {reaction.userIds.length}
      </span>
    </button>
  );
}

/** Room the full picker needs below its button to open downwards. */
const PICKER_HEIGHT = 450;

/**
 * Where the popover goes: fixed to the viewport (the message list scrolls and would clip it),
 * right-aligned with the button, below it when there is room, else above.
 */
function popoverPlace(button: DOMRect, height: number): CSSProperties {
  const right = Math.max(8, window.innerWidth - button.right);
  if (window.innerHeight - button.bottom >= height + 8)
    return { position: "fixed", top: button.bottom + 4, right };
  if (button.top >= height + 8)
    return { position: "fixed", bottom: window.innerHeight - button.top + 4, right };
  // Fits neither way: as high as it must be to end above the bottom edge.
  return { position: "fixed", top: Math.max(8, window.innerHeight - height - 8), right };
}

/** "Add reaction" in a message's hover tools: a row of quick emoji and the full picker. */
export function AddReactionButton({ message, myId }: { message: Message; myId: string }) {
  const react = useReact(message.roomId);
  const [open, setOpen] = useState<null | "quick" | "picker">(null);
  const [place, setPlace] = useState<CSSProperties>({});
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(null);
    };
    const onEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(null);
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("keydown", onEscape);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("keydown", onEscape);
    };
  }, [open]);

  function pick(emoji: string) {
    setOpen(null);
    const mine = message.reactions?.find((r) => r.emoji === emoji)?.userIds.includes(myId) ?? false;
    react.mutate({ messageId: message.id, emoji, on: !mine });
  }

  return (
    <div className={styles.anchor} ref={wrapper}>
      <button
        type="button"
        className={`btn btn-ghost btn-icon ${styles.add}`}
        aria-label="Add reaction"
        title="Add reaction"
        aria-expanded={open !== null}
        aria-haspopup="dialog"
        onClick={(event) => {
          setPlace(popoverPlace(event.currentTarget.getBoundingClientRect(), 48));
          setOpen((o) => (o ? null : "quick"));
        }}
      >
        <AddReactionIcon />
      </button>
      {open === "quick" && (
        <div className={styles.quick} style={place} role="dialog" aria-label="React with">
          {QUICK_REACTIONS.map((emoji) => (
            <button
              key={emoji}
              type="button"
              className={styles.quickEmoji}
              onClick={() => pick(emoji)}
              title={emoji}
            >
              {emoji}
            </button>
          ))}
          <button
            type="button"
            className={`btn btn-small btn-ghost ${styles.more}`}
            onClick={() => {
              const button = wrapper.current?.querySelector("button")?.getBoundingClientRect();
              if (button) setPlace(popoverPlace(button, PICKER_HEIGHT));
              setOpen("picker");
            }}
          >
            More…
          </button>
        </div>
      )}
      {open === "picker" && (
        <div className={styles.pickerHolder} style={place}>
          <EmojiPicker onPick={pick} onClose={() => setOpen(null)} />
        </div>
      )}
      {react.error && (
        <Toast text={`Could not react: ${describeError(react.error)}`} onDismiss={react.reset} />
      )}
    </div>
  );
}

function AddReactionIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path d="M20 12a8 8 0 1 1-8-8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      <path d="M8.5 14.5a4.5 4.5 0 0 0 7 0" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      <circle cx="9" cy="10" r="1.1" fill="currentColor" />
      <circle cx="15" cy="10" r="1.1" fill="currentColor" />
      <path d="M19 2v6M16 5h6" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}
