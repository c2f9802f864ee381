import { type ImageType, sniffImageType } from "./sniff-image";

export type VideoType = "video/mp4" | "video/webm";

export type SniffedMedia = { kind: "image"; mime: ImageType } | { kind: "video"; mime: VideoType };

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

/**
 * ISO base media "brands" of MP4 files browsers play. Other ftyp files (QuickTime `qt  `, HEIC
 * photos `heic`, 3GP…) are offered as plain files rather than handed to a <video> element.
 */
const MP4_BRANDS = new Set([
  "isom",
  "iso2",
  "iso4",
  "iso5",
  "iso6",
  "mp41",
  "mp42",
  "avc1",
  "M4V ",
  "dash",
  "mmp4",
  "MSNV",
]);

/**
 * What the upload is, from its first bytes (at least 40 for WebM; 12 for the rest): one of the
 * image types sharp may decode, an MP4 or WebM video, or null for anything else (an ordinary
 * file, never rendered inline). Names and declared types are never trusted.
 */
export function sniffMediaType(head: Uint8Array): SniffedMedia | null {
  const image = sniffImageType(head);
  if (image) return { kind: "image", mime: image };
  // MP4: a box of type "ftyp" first, whose major brand follows.
  if (ascii(head, 4, 8) === "ftyp" && MP4_BRANDS.has(ascii(head, 8, 12))) {
    return { kind: "video", mime: "video/mp4" };
  }
  // WebM: an EBML header (1A 45 DF A3) whose DocType is "webm" (Matroska says "matroska").
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    const docType = Buffer.from(head).indexOf("webm", 4, "latin1");
    if (docType > 0 && docType < 40) return { kind: "video", mime: "video/webm" };
  }
  return null;
}

/** Extensions and declared types that claim an image or a video (checked against the bytes). */
const MEDIA_EXTENSIONS = /\.(png|jpe?g|jfif|gif|webp|mp4|m4v|webm)$/i;

/**
 * Whether the upload claims to be an image or video by its name or declared type: then bytes
 * that are not one are refused (415) rather than quietly kept as a file — a ".png" that is
 * really HTML is an attack or a mistake, never what the sender meant.
 */
export function claimsMedia(name: string, declaredType: string | undefined): boolean {
  return MEDIA_EXTENSIONS.test(name) || /^(image|video)\//i.test(declaredType ?? "");
}
