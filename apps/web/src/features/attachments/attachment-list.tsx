"use client";

import type { Attachment } from "@parley/protocol";
import { useState } from "react";
import styles from "./attachments.module.css";
import { fileTypeLabel, formatBytes } from "./format-bytes";
import { Lightbox } from "./lightbox";
import { FileIcon } from "./upload-chips";

/** Largest box an image thumbnail takes in the timeline (CSS pixels). */
const MAX_W = 360;
const MAX_H = 280;

/** The box an image of these dimensions fills, scaled down to fit MAX_W × MAX_H. */
export function thumbBox(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, MAX_W / width, MAX_H / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * A message's files: images as thumbnails whose box is reserved from the stored dimensions
 * (so the timeline never jumps when they load; click opens the lightbox), videos played
 * inline, other files as a card to download. `pending`: the message is not sent yet — its
 * files are not readable by URL until it is, so they show as cards without links.
 */
export function AttachmentList({
  attachments,
  pending = false,
}: {
  attachments: readonly Attachment[];
  pending?: boolean;
}) {
  const [open, setOpen] = useState<Attachment | null>(null);
  if (attachments.length === 0) return null;
  return (
    <div className={styles.list}>
      {attachments.map((a) => {
        if (!pending && a.kind === "image" && a.width && a.height) {
          const box = thumbBox(a.width, a.height);
          return (
            <button
              key={a.id}
              type="button"
              className={styles.imageButton}
              style={{ width: box.width, aspectRatio: `${a.width} / ${a.height}` }}
              aria-label={`Open image ${a.name}`}
              onClick={() => setOpen(a)}
            >
              {/* biome-ignore lint/performance/noImgElement: a members-only URL (cookie) to a thumbnail the server already made; next/image would proxy and re-encode it. */}
              <img
                className={styles.image}
                src={a.thumbUrl ?? a.url}
                alt={a.name}
                width={box.width}
                height={box.height}
                loading="lazy"
                decoding="async"
              />
            </button>
          );
        }
        if (!pending && a.kind === "video") {
          return (
            // biome-ignore lint/a11y/useMediaCaption: people's own videos come without captions.
            <video
              key={a.id}
              className={styles.video}
              src={a.url}
              controls
              preload="metadata"
              aria-label={a.name}
            />
          );
        }
        return <FileCard key={a.id} attachment={a} pending={pending} />;
      })}
      {open && <Lightbox attachment={open} onClose={() => setOpen(null)} />}
    </div>
  );
}

function FileCard({ attachment: a, pending }: { attachment: Attachment; pending: boolean }) {
  const meta = `${fileTypeLabel(a.name, a.mime)} · ${formatBytes(a.size)}`;
  const body = (
    <>
      <span className={styles.fileIcon} aria-hidden="true">
        <FileIcon />
      </span>
      <span className={styles.fileText}>
        <span className={styles.fileName} title={a.name}>
          {a.name}
        </span>
        <span className={styles.fileMeta}>{meta}</span>
      </span>
      {!pending && <span className={styles.download}>Download</span>}
    </>
  );
  if (pending) return <div className={styles.file}>{body}</div>;
  return (
    <a className={styles.file} href={a.url} download={a.name} aria-label={`Download ${a.name}, ${meta}`}>
      {body}
    </a>
  );
}
