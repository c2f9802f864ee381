"use client";

import { useEffect, useRef } from "react";
import { CloseIcon } from "./icons";
import styles from "./toast.module.css";

/** Long enough to read two lines, short enough not to linger over the composer. */
const TOAST_MS = 6000;

/**
 * A short confirmation at the bottom of the screen ("Added Cleo to #general."), read out by
 * screen readers, gone by itself after a few seconds or with its close button.
 */
export function Toast({ text, onDismiss }: { text: string; onDismiss: () => void }) {
  // The latest callback, so a re-render with a new function does not restart the countdown.
  const dismiss = useRef(onDismiss);
  useEffect(() => {
    dismiss.current = onDismiss;
  }, [onDismiss]);
  // A new text starts a new countdown.
  // biome-ignore lint/correctness/useExhaustiveDependencies: text is the trigger, not a value read.
  useEffect(() => {
    const timer = setTimeout(() => dismiss.current(), TOAST_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <div className={styles.toast} role="status">
      <span>{text}</span>
      <button type="button" className="btn btn-ghost btn-icon" aria-label="Dismiss" onClick={onDismiss}>
        <CloseIcon />
      </button>
    </div>
  );
}
