import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../errors";
import type { MediaStore } from "../../media/media-store";
import { parseByteRange } from "./byte-range";
import type { AttachmentRow } from "./queries";

/** Browsers may keep a blob for a year: its URL names one attachment, whose bytes never change. */
const CACHE = "private, max-age=31536000, immutable";

/** `attachment; filename="…"; filename*=UTF-8''…`: a Latin-1 fallback and the real name. */
export function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Sends an attachment's file (or its thumbnail). Images and videos are shown inline with
 * their sniffed type; everything else (HTML, SVG, PDFs, unknown) is sent as opaque bytes to
 * download — `Content-Disposition: attachment`, `nosniff` so the browser does not guess a
 * type, and a sandboxing CSP so that even if it were opened in the browser it could run no
 * script and reach nothing, and would not share Parley's origin. Byte ranges (206) let video
 * players seek without fetching the whole file.
 */
export async function serveAttachment(
  media: MediaStore,
  row: AttachmentRow,
  which: "file" | "thumb",
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const hash = which === "thumb" ? row.thumb_sha256 : row.sha256;
  const probe = hash ? await media.open("attachments", hash) : null;
  if (!hash || !probe) throw new AppError("NOT_FOUND", "No such attachment");
  const { size } = probe;
  const range = which === "file" ? parseByteRange(request.headers.range, size) : null;

  const inline = which === "thumb" || row.kind === "image" || row.kind === "video";
  reply
    .header("cache-control", CACHE)
    .header("x-content-type-options", "nosniff")
    .header("accept-ranges", which === "file" ? "bytes" : "none")
    .header("content-disposition", contentDisposition(inline ? "inline" : "attachment", row.name))
    .type(which === "thumb" ? "image/webp" : inline ? row.mime : "application/octet-stream");
  if (!inline) reply.header("content-security-policy", "sandbox; default-src 'none'");

  if (range === "unsatisfiable") {
    probe.body.destroy();
    const error = new AppError("RANGE_NOT_SATISFIABLE", `The file has ${size} bytes`);
    return reply
      .status(error.status)
      .header("content-range", `bytes */${size}`)
      .type("application/json")
      .send(error.toBody());
  }
  if (range === null) {
    return reply.header("content-length", String(size)).send(probe.body);
  }
  probe.body.destroy();
  const part = await media.open("attachments", hash, range);
  if (!part) throw new AppError("NOT_FOUND", "No such attachment");
  return reply
    .status(206)
    .header("content-range", `bytes ${range.start}-${range.end}/${size}`)
    .header("content-length", String(range.end - range.start + 1))
    .send(part.body);
}
