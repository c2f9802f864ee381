import { ATTACHMENT_NAME_MAX_LENGTH } from "@parley/protocol";
import { AppError } from "../../errors";

/**
 * Control characters (C0, DEL, C1) and the invisible formatting characters that can disguise
 * a name: bidirectional overrides ("invoice‮fdp.exe" shows as "invoiceexe.pdf"), zero-width
 * characters, and the byte-order mark.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * The name an uploaded file is stored and offered under. Only the last part of a path is kept
 * (old browsers sent `C:\Users\ana\photo.jpg`), a name that tries to climb out of a folder
 * (`../`) is refused, invisible and control characters are dropped, and a long name is
 * shortened to ATTACHMENT_NAME_MAX_LENGTH characters keeping its extension. Throws
 * INVALID_FILE_NAME when nothing usable is left.
 */
export function sanitizeFileName(raw: string): string {
  const parts = raw.split(/[/\\]/);
  if (parts.some((part) => part.trim() === "..")) {
    throw new AppError("INVALID_FILE_NAME", "File names cannot contain “..” path parts");
  }
  const name = (parts.at(-1) ?? "").replace(UNSAFE, "").normalize("NFC").trim();
  if (name === "" || /^\.+$/.test(name)) {
    throw new AppError("INVALID_FILE_NAME", "The file needs a name");
  }
  return shorten(name, ATTACHMENT_NAME_MAX_LENGTH);
}

/** At most `max` characters (as the user sees them), keeping a short extension. */
function shorten(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? [...name.slice(dot)] : [];
  if (extension.length > 0 && extension.length <= 16) {
    return chars.slice(0, max - extension.length).join("") + extension.join("");
  }
  return chars.slice(0, max).join("");
}

/** The upload's name header: percent-encoded UTF-8 (a header carries only Latin-1). */
export function decodeNameHeader(header: string | string[] | undefined): string {
  if (typeof header !== "string" || header === "") {
    throw new AppError("INVALID_FILE_NAME", "Send the file name in the x-parley-filename header");
  }
  try {
    return decodeURIComponent(header);
  } catch {
    throw new AppError("INVALID_FILE_NAME", "The file name header is not valid percent-encoded UTF-8");
  }
}
