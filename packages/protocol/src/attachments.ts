import { z } from "zod";
import { Id } from "./common";

/** Files one message may carry. */
export const ATTACHMENTS_PER_MESSAGE_MAX = 10;
/** A stored file name is at most this many characters (longer ones are shortened, keeping the extension). */
export const ATTACHMENT_NAME_MAX_LENGTH = 180;
/** Thumbnails are at most this wide (webp), never wider than the image itself. */
export const ATTACHMENT_THUMB_WIDTH = 720;
/**
 * An image upload is refused past this many pixels (width × height), read from its header
 * before a pixel is decoded: a small file can declare enormous dimensions (a "pixel flood").
 */
export const ATTACHMENT_MAX_PIXELS = 50_000_000;
/**
 * The upload's file name travels in this header, percent-encoded (a header carries only
 * Latin-1; names are Unicode). The body is the file's raw bytes.
 */
export const UPLOAD_NAME_HEADER = "x-parley-filename";

/**
 * What an attachment is, decided from its bytes: an image (JPEG, PNG, GIF, WebP: shown
 * inline with a thumbnail), a video (MP4, WebM: played inline), or any other file (offered
 * as a download, never rendered by the browser).
 */
export const AttachmentKind = z.enum(["image", "video", "file"]);
export type AttachmentKind = z.infer<typeof AttachmentKind>;

/**
 * A file carried by a message. `url` and `thumbUrl` are readable only by members of the room
 * the message is in; `width`/`height` (images) let the timeline reserve the space before the
 * picture loads.
 */
export const Attachment = z.object({
  id: Id,
  kind: AttachmentKind,
  /** Sanitised file name (no path, no control characters). */
  name: z.string(),
  /** Bytes of the stored file (for images: after metadata was stripped). */
  size: z.number().int().nonnegative(),
  mime: z.string(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  url: z.string(),
  /** A webp at most ATTACHMENT_THUMB_WIDTH wide (images only). */
  thumbUrl: z.string().nullable(),
});
export type Attachment = z.infer<typeof Attachment>;

/** The answer to an upload: the attachment, pending until a message of its room carries it. */
export const UploadResponse = z.object({ attachment: Attachment });
export type UploadResponse = z.infer<typeof UploadResponse>;

/** Attachment ids on a send: distinct pending uploads of the sender, in this room. */
export const AttachmentIds = z
  .array(Id)
  .max(ATTACHMENTS_PER_MESSAGE_MAX, `At most ${ATTACHMENTS_PER_MESSAGE_MAX} files per message`)
  .refine((ids) => new Set(ids).size === ids.length, "An attachment is listed twice");

export const AttachmentFileParams = z.object({ roomId: Id, attachmentId: Id, name: z.string() });
export const AttachmentThumbParams = z.object({ roomId: Id, attachmentId: Id });
