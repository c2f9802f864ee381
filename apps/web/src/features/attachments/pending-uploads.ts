import { ATTACHMENTS_PER_MESSAGE_MAX, type Attachment } from "@parley/protocol";

/** One file chosen for the next message: uploading, uploaded, or failed. */
export interface PendingUpload {
  /** Local key (the file has no id until the server answers). */
  key: string;
  name: string;
  size: number;
  /** 0..1 */
  progress: number;
  status: "uploading" | "done" | "failed";
  attachment: Attachment | null;
  error: string | null;
  /** An object URL of the image itself, for the chip's preview (images only). */
  preview: string | null;
}

export type PendingUploads = readonly PendingUpload[];

/** Files past the per-message limit are not added; the caller says how many were left out. */
export function addUploads(state: PendingUploads, added: readonly PendingUpload[]): PendingUploads {
  return [...state, ...added].slice(0, ATTACHMENTS_PER_MESSAGE_MAX);
}

export function roomLeft(state: PendingUploads): number {
  return Math.max(0, ATTACHMENTS_PER_MESSAGE_MAX - state.length);
}

export function updateUpload(
  state: PendingUploads,
  key: string,
  change: Partial<PendingUpload>,
): PendingUploads {
  return state.map((u) => (u.key === key ? { ...u, ...change } : u));
}

export function removeUpload(state: PendingUploads, key: string): PendingUploads {
  return state.filter((u) => u.key !== key);
}

/**
 * What Send may do now: "ready" (every file uploaded), "uploading" (Send waits), or "failed"
 * (a file needs removing or retrying first).
 */
export function uploadsState(state: PendingUploads): "ready" | "uploading" | "failed" {
  if (state.some((u) => u.status === "failed")) return "failed";
  if (state.some((u) => u.status === "uploading")) return "uploading";
  return "ready";
}

/** The uploaded attachments, in the order the files were chosen. */
export function readyAttachments(state: PendingUploads): Attachment[] {
  return state.flatMap((u) => (u.status === "done" && u.attachment ? [u.attachment] : []));
}
