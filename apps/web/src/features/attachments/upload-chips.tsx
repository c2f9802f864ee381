"use client";

import { useState } from "react";
import { CloseIcon } from "../ui/icons";
import styles from "./attachments.module.css";
import { formatBytes } from "./format-bytes";
import type { PendingUploads } from "./pending-uploads";

/** The files chosen for the next message, each with its progress bar and a cancel button. */
export function UploadChips({
  uploads,
  onCancel,
  notice,
}: {
  uploads: PendingUploads;
  onCancel: (key: string) => void;
  notice: string | null;
}) {
  if (uploads.length === 0 && !notice) return null;
  return (
    <div className={styles.chips}>
      {uploads.length > 0 && (
        <ul className={styles.chipList} aria-label="Files to send">
          {uploads.map((u) => {
            const percent = Math.round(u.progress * 100);
            return (
              <li key={u.key} className={styles.chip} data-status={u.status}>
                <ChipPreview preview={u.status === "failed" ? null : u.preview} />
                <span className={styles.chipText}>
                  <span className={styles.chipName} title={u.name}>
                    {u.name}
                  </span>
                  <span className={styles.chipMeta}>
                    {u.status === "failed" ? (
                      <span className={styles.chipError} role="alert">
                        {u.error}
                      </span>
                    ) : u.status === "uploading" ? (
                      `Uploading… ${percent}%`
                    ) : (
                      formatBytes(u.size)
                    )}
                  </span>
                  {u.status === "uploading" && (
                    <progress
                      className={styles.progress}
                      max={100}
                      value={percent}
                      aria-label={`Uploading ${u.name}`}
                    />
                  )}
                </span>
                <button
                  type="button"
                  className={`btn btn-ghost btn-icon ${styles.chipCancel}`}
                  aria-label={u.status === "uploading" ? `Cancel upload of ${u.name}` : `Remove ${u.name}`}
                  title={u.status === "uploading" ? "Cancel upload" : "Remove"}
                  onClick={() => onCancel(u.key)}
                >
                  <CloseIcon />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {notice && (
        <p className={styles.notice} role="status">
          {notice}
        </p>
      )}
    </div>
  );
}

/** The picture itself for an image (a local object URL), else a file icon; also if it cannot be drawn. */
function ChipPreview({ preview }: { preview: string | null }) {
  const [broken, setBroken] = useState(false);
  if (preview && !broken) {
    // biome-ignore lint/performance/noImgElement: a local object URL; next/image cannot load it.
    return <img className={styles.chipPreview} src={preview} alt="" onError={() => setBroken(true)} />;
  }
  return (
    <span className={styles.chipIcon} aria-hidden="true">
      <FileIcon />
    </span>
  );
}

export function FileIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" aria-hidden="true">
      <path
        d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8l-5-5Z"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
      <path d="M14 3v5h5" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
    </svg>
  );
}
