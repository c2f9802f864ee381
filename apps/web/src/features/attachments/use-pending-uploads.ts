"use client";

import { ATTACHMENTS_PER_MESSAGE_MAX, type Attachment } from "@parley/protocol";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  addUploads,
  type PendingUploads,
  readyAttachments,
  removeUpload,
  roomLeft,
  updateUpload,
  uploadsState,
} from "./pending-uploads";
import { UploadError, uploadFile } from "./upload-file";

export interface PendingUploadsApi {
  uploads: PendingUploads;
  /** Starts uploading these files (up to the per-message limit). */
  add(files: readonly File[]): void;
  /** Stops an upload in flight, or removes a finished or failed one. */
  cancel(key: string): void;
  /** After sending: the files now belong to the message (nothing is aborted). */
  clear(): void;
  state: "ready" | "uploading" | "failed";
  attachments: Attachment[];
  /** Why some chosen files were not added, if they were not. */
  notice: string | null;
}

let counter = 0;

/** The files chosen for the next message in a room, each uploading as soon as it is chosen. */
export function usePendingUploads(roomId: string): PendingUploadsApi {
  const [uploads, setUploads] = useState<PendingUploads>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const aborts = useRef(new Map<string, () => void>());
  const latest = useRef(uploads);
  latest.current = uploads;

  const release = useCallback((keys: readonly string[]) => {
    for (const key of keys) {
      const preview = latest.current.find((u) => u.key === key)?.preview;
      if (preview) URL.revokeObjectURL(preview);
      aborts.current.delete(key);
    }
  }, []);

  // Another room, or leaving the page: uploads in flight are stopped, previews freed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset exactly when the room changes.
  useEffect(() => {
    const running = aborts.current;
    return () => {
      for (const abort of running.values()) abort();
      running.clear();
      for (const u of latest.current) if (u.preview) URL.revokeObjectURL(u.preview);
      setUploads([]);
      setNotice(null);
    };
  }, [roomId]);

  const add = useCallback(
    (files: readonly File[]) => {
      if (files.length === 0) return;
      const room = roomLeft(latest.current);
      const taken = files.slice(0, room);
      setNotice(
        taken.length < files.length
          ? `A message can carry at most ${ATTACHMENTS_PER_MESSAGE_MAX} files`
          : null,
      );
      const added = taken.map((file) => ({
        key: `upload-${++counter}`,
        name: file.name || "file",
        size: file.size,
        progress: 0,
        status: "uploading" as const,
        attachment: null,
        error: null,
        preview: file.type.startsWith("image/") ? URL.createObjectURL(file) : null,
      }));
      setUploads((s) => addUploads(s, added));
      added.forEach((entry, i) => {
        const file = taken[i] as File;
        const handle = uploadFile(roomId, file, (progress) =>
          setUploads((s) => updateUpload(s, entry.key, { progress })),
        );
        aborts.current.set(entry.key, handle.abort);
        handle.promise.then(
          (attachment) => {
            aborts.current.delete(entry.key);
            setUploads((s) => updateUpload(s, entry.key, { status: "done", progress: 1, attachment }));
          },
          (error: unknown) => {
            aborts.current.delete(entry.key);
            if (error instanceof UploadError && error.code === "aborted") return;
            const message = error instanceof Error ? error.message : "Upload failed";
            setUploads((s) => updateUpload(s, entry.key, { status: "failed", error: message }));
          },
        );
      });
    },
    [roomId],
  );

  const cancel = useCallback(
    (key: string) => {
      aborts.current.get(key)?.();
      release([key]);
      setUploads((s) => removeUpload(s, key));
      setNotice(null);
    },
    [release],
  );

  const clear = useCallback(() => {
    release(latest.current.map((u) => u.key));
    setUploads([]);
    setNotice(null);
  }, [release]);

  return {
    uploads,
    add,
    cancel,
    clear,
    state: uploadsState(uploads),
    attachments: readyAttachments(uploads),
    notice,
  };
}
