import { randomUUID } from "node:crypto";
import type { Attachment } from "@parley/protocol";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { enqueueJob } from "../../jobs/enqueue-job";
import type { StagedUpload } from "../../media/media-store";
import { claimsMedia, sniffMediaType } from "../../media/sniff-media";
import { PENDING_UPLOAD_TTL_MS, prunePendingUploadJob } from "./attachment-jobs";
import { processImage } from "./process-image";
import { storedBytes, toAttachment } from "./queries";

export interface Upload {
  roomId: string;
  uploaderId: string;
  /** Already sanitised (file-name.ts). */
  name: string;
  /** The Content-Type the client declared: only a hint for plain files, never trusted. */
  declaredType: string | undefined;
  staged: StagedUpload;
}

/** A declared type worth showing on a file card ("application/pdf"); anything odd is dropped. */
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/i;

export function quotaExceeded(quotaBytes: number): AppError {
  return new AppError(
    "QUOTA_EXCEEDED",
    `This would take your uploads past your ${formatBytes(quotaBytes)} quota; delete some files first`,
  );
}

const formatBytes = (n: number) =>
  n >= 1024 ** 3 ? `${Math.round(n / 1024 ** 3)} GB` : `${Math.round(n / 1024 ** 2)} MB`;

/**
 * Keeps a received upload as a pending attachment of its room: what it is is decided from its
 * bytes (a file called .png or declared image/* that is not one is refused: 415); an image is
 * re-encoded without its metadata and gets a thumbnail (process-image.ts); the uploader's
 * quota is checked. The blobs are stored before the row names them. Pending, only its
 * uploader may attach it, to a message of this room; unused, it is deleted after a day.
 */
export async function uploadAttachment(
  ctx: Pick<AppContext, "db" | "media" | "config">,
  upload: Upload,
): Promise<Attachment> {
  const { staged } = upload;
  let stagedKept = false;
  try {
    const sniffed = sniffMediaType(staged.head);
    if (!sniffed && claimsMedia(upload.name, upload.declaredType)) {
      throw new AppError(
        "UNSUPPORTED_MEDIA_TYPE",
        "Named like an image or video, but its contents are not one Parley can show",
      );
    }
    const quota = ctx.config.uploads.quotaBytes;
    if ((await storedBytes(ctx.db, upload.uploaderId)) + staged.size > quota) throw quotaExceeded(quota);

    let stored: {
      sha256: string;
      size: number;
      width: number | null;
      height: number | null;
      thumb: string | null;
    };
    if (sniffed?.kind === "image") {
      const image = await processImage(staged.path, sniffed.mime);
      stored = {
        sha256: await ctx.media.put("attachments", image.bytes),
        size: image.bytes.length,
        width: image.width,
        height: image.height,
        thumb: await ctx.media.put("attachments", image.thumb),
      };
    } else {
      stagedKept = true;
      stored = {
        sha256: await ctx.media.putStaged("attachments", staged),
        size: staged.size,
        width: null,
        height: null,
        thumb: null,
      };
    }
    const mime = sniffed
      ? sniffed.mime
      : MIME.test(upload.declaredType ?? "")
        ? (upload.declaredType as string).toLowerCase()
        : "application/octet-stream";
    const row = {
      id: randomUUID(),
      room_id: upload.roomId,
      uploader_id: upload.uploaderId,
      message_id: null,
      kind: sniffed?.kind ?? "file",
      mime,
      name: upload.name,
      size: stored.size,
      sha256: stored.sha256,
      width: stored.width,
      height: stored.height,
      thumb_sha256: stored.thumb,
      position: 0,
      created_at: new Date().toISOString(),
    } as const;
    await ctx.db.transaction().execute(async (tx) => {
      await tx.insertInto("attachments").values(row).execute();
      await enqueueJob(
        tx,
        prunePendingUploadJob(ctx.media),
        { attachmentId: row.id },
        {
          key: row.id,
          runAfter: new Date(Date.now() + PENDING_UPLOAD_TTL_MS),
        },
      );
    });
    return toAttachment(row);
  } finally {
    if (!stagedKept) await ctx.media.discard(staged);
  }
}
