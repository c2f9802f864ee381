"use client";

import { type ReactNode, useEffect, useRef } from "react";
import styles from "../rooms/dialog.module.css";

/**
 * A native modal <dialog> driven by `open`: focus trapping, Escape and the backdrop come from
 * the browser. Escape (or the backdrop's close) calls onClose so the owner's state follows.
 */
export function Modal({
  open,
  onClose,
  labelledBy,
  children,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby={labelledBy} onClose={onClose}>
      {open && children}
    </dialog>
  );
}
