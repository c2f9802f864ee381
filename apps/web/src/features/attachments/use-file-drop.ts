"use client";

import { useEffect, useState } from "react";

const hasFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes("Files");

/**
 * Files dragged from the desktop anywhere onto the page while a room is open go to its
 * composer. Returns whether files are being dragged over the page (to show the drop overlay).
 * Listening on the document, not one element: the whole room is the target, and the counter
 * of enter/leave events copes with the child elements the drag passes over.
 */
export function useFileDrop(onFiles: (files: File[]) => void, enabled: boolean): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth += 1;
      setOver(true);
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overPage = (event: DragEvent) => {
      // Without this the browser would open the file in place of the app.
      if (hasFiles(event)) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setOver(false);
      onFiles([...(event.dataTransfer?.files ?? [])]);
    };
    document.addEventListener("dragenter", enter);
    document.addEventListener("dragleave", leave);
    document.addEventListener("dragover", overPage);
    document.addEventListener("drop", drop);
    return () => {
      document.removeEventListener("dragenter", enter);
      document.removeEventListener("dragleave", leave);
      document.removeEventListener("dragover", overPage);
      document.removeEventListener("drop", drop);
      setOver(false);
    };
  }, [onFiles, enabled]);
  return over;
}

/** The image files pasted into the composer (a screenshot from the clipboard), if any. */
export function pastedFiles(data: DataTransfer | null): File[] {
  if (!data) return [];
  return [...data.items].flatMap((item) => {
    if (item.kind !== "file") return [];
    const file = item.getAsFile();
    return file ? [file] : [];
  });
}
