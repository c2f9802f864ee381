"use client";

import type { Attachment } from "@parley/protocol";
import { useEffect, useRef } from "react";
import { CloseIcon } from "../ui/icons";
import styles from "./attachments.module.css";

/**
 * The full image over the page. A native modal <dialog>: the browser traps focus inside it,
 * Escape closes it, and focus returns to the thumbnail that opened it. A click on the dark
 * backdrop closes it too.
 */
export function Lightbox({ attachment, onClose }: { attachment: Attachment; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    // The thumbnail that opened it: focus goes back there when it closes (the dialog is
    // unmounted on close, so the browser's own restoring cannot be relied on).
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (el && !el.open) el.showModal();
    return () => {
      el?.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className={styles.lightbox}
      aria-label={attachment.name}
      onClose={onClose}
      onClick={(event) => {
        // A click on the dark area (the dialog or the stage around the picture) closes it.
        const target = event.target as HTMLElement;
        if (target === event.currentTarget || target.dataset.backdrop === "true") onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") onClose();
      }}
    >
      <div className={styles.lightboxBar}>
        <span className={styles.lightboxName}>{attachment.name}</span>
        <a className="btn btn-small" href={attachment.url} download={attachment.name}>
          Download
        </a>
        <button
          type="button"
          className={`btn btn-ghost btn-icon ${styles.lightboxClose}`}
          aria-label="Close"
          onClick={onClose}
          // biome-ignore lint/a11y/noAutofocus: the dialog's one obvious control; Escape works too.
          autoFocus
        >
          <CloseIcon />
        </button>
      </div>
      <div className={styles.lightboxStage} data-backdrop="true">
        {/* biome-ignore lint/performance/noImgElement: a members-only, already re-encoded image; next/image would proxy it. */}
        <img className={styles.lightboxImage} src={attachment.url} alt={attachment.name} />
      </div>
    </dialog>
  );
}
