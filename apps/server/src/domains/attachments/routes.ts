import type { Readable } from "node:stream";
import {
  API,
  AttachmentFileParams,
  AttachmentThumbParams,
  RoomParams,
  UPLOAD_NAME_HEADER,
} from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { parse } from "../../http/parse";
import { authorizedUser } from "../../http/route-rules";
import { MediaTooLargeError } from "../../media/media-store";
import { decodeNameHeader, sanitizeFileName } from "./file-name";
import { postedAttachment, storedBytes } from "./queries";
import { serveAttachment } from "./serve-attachment";
import { quotaExceeded, uploadAttachment } from "./upload-attachment";

/**
 * Attachments: uploading a file to a room (pending until a message carries it), and reading
 * the files of a room's messages — members only (`attachment.read`: a non-member gets 404,
 * as if the file did not exist).
 */
export function attachmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    // Spelled out: API.attachmentFile percent-encodes the name, which would encode ":name".
    `${API.attachmentThumb(":roomId", ":attachmentId").replace(/\/thumb$/, "")}/file/:name`,
    { config: { rule: "attachment.read" } },
    async (request, reply) => {
      const { roomId, attachmentId, name } = parse(AttachmentFileParams, request.params);
      const row = await postedAttachment(ctx.db, roomId, attachmentId);
      // The URL names the file too: a link with another name is not this attachment's.
      if (!row || row.name !== name) throw new AppError("NOT_FOUND", "No such attachment");
      return serveAttachment(ctx.media, row, "file", request, reply);
    },
  );

  app.get(
    API.attachmentThumb(":roomId", ":attachmentId"),
    { config: { rule: "attachment.read" } },
    async (request, reply) => {
      const { roomId, attachmentId } = parse(AttachmentThumbParams, request.params);
      const row = await postedAttachment(ctx.db, roomId, attachmentId);
      if (!row) throw new AppError("NOT_FOUND", "No such attachment");
      return serveAttachment(ctx.media, row, "thumb", request, reply);
    },
  );

  void app.register(async (scope) => uploadRoute(scope, ctx));
}

/**
 * `POST /api/rooms/:roomId/uploads`: the file's raw bytes as the body (whatever its
 * Content-Type: the bytes decide what it is), its name percent-encoded in
 * `x-parley-filename`. A raw body rather than multipart: one file per request is what the
 * client sends (each with its own progress bar and cancel), and the stream goes straight to
 * disk — no parser, no dependency, no buffering. In a scope of its own: only here does the
 * server take a body larger than the 256 KB JSON limit. The route's rule is decided before
 * the handler starts reading the body, so nobody refused uploads a byte to disk.
 */
async function uploadRoute(scope: FastifyInstance, ctx: AppContext): Promise<void> {
  scope.removeAllContentTypeParsers();
  // The body is left as a stream for the handler (read to a temp file, counted as it comes).
  scope.addContentTypeParser("*", (_request, payload, done) => done(null, payload));
  // A refusal (too large, over quota, not allowed) is answered before the body is read: the
  // connection is then closed, rather than left holding an unread upload.
  scope.setErrorHandler((error, request, reply) => {
    if (!request.raw.readableEnded) reply.header("connection", "close");
    throw error;
  });

  scope.post(API.uploads(":roomId"), { config: { rule: "attachment.upload" } }, async (request, reply) => {
    const { roomId } = parse(RoomParams, request.params);
    const uploaderId = authorizedUser(request);
    const name = sanitizeFileName(decodeNameHeader(request.headers[UPLOAD_NAME_HEADER]));
    const { maxBytes, quotaBytes } = ctx.config.uploads;
    const tooLarge = () =>
      new AppError("FILE_TOO_LARGE", `Files can be at most ${Math.round(maxBytes / 1024 / 1024)} MB`);
    // Refuse what the declared length already rules out, before reading anything.
    const declared = Number(request.headers["content-length"] ?? Number.NaN);
    if (declared > maxBytes) throw tooLarge();
    if (Number.isFinite(declared) && (await storedBytes(ctx.db, uploaderId)) + declared > quotaBytes) {
      throw quotaExceeded(quotaBytes);
    }
    const body = request.body as Readable | undefined;
    if (!body || typeof body.pipe !== "function") {
      throw new AppError("VALIDATION_FAILED", "Send the file as the request body");
    }
    const staged = await ctx.media.stage(body, maxBytes).catch((error: unknown) => {
      throw error instanceof MediaTooLargeError ? tooLarge() : error;
    });
    if (staged.size === 0) {
      await ctx.media.discard(staged);
      throw new AppError("VALIDATION_FAILED", "The file is empty");
    }
    const attachment = await uploadAttachment(ctx, {
      roomId,
      uploaderId,
      name,
      declaredType: request.headers["content-type"],
      staged,
    });
    return reply.status(201).send({ attachment });
  });
}
