import { AVATAR_MAX_BYTES, AVATAR_MIME_TYPES } from "@parley/protocol";

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`;

/**
 * Why a chosen file cannot be an avatar, or null when it may be sent. Only the obvious, early:
 * the browser's type is a guess from the file name, so the server decides from the bytes.
 */
export function avatarFileProblem(file: { size: number; type: string }): string | null {
  if (file.size === 0) return "That file is empty.";
  if (file.type !== "" && !(AVATAR_MIME_TYPES as readonly string[]).includes(file.type)) {
    return "That file is not an image Parley can use: choose a PNG, JPEG, WebP or GIF.";
  }
  if (file.size > AVATAR_MAX_BYTES) {
    return `That image is ${megabytes(file.size)}; the limit is ${megabytes(AVATAR_MAX_BYTES)}.`;
  }
  return null;
}

/** The `accept` list of the file input: the same types the server takes. */
export const AVATAR_ACCEPT = AVATAR_MIME_TYPES.join(",");
