import { join } from "node:path";
import { API, AVATAR_MAX_BYTES, ProfilesQuery, UpdateProfileRequest } from "@parley/protocol";
import type { FastifyError, FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { parse } from "../../http/parse";
import { authorizedUser } from "../../http/route-rules";
import { createLocalDiskStore } from "../../media/local-disk-store";
import { hashOfWebpFileName } from "../../media/media-paths";
import type { MediaStore } from "../../media/media-store";
import { authorize } from "../../rules/rules";
import { loadProfiles } from "./queries";
import { removeAvatar } from "./remove-avatar";
import { setAvatar } from "./set-avatar";
import { updateProfile } from "./update-profile";

const AvatarFileParams = z.object({ file: z.string() });

/**
 * Profiles (display name, status text, avatar) and the avatar images themselves. The images
 * live in the media store under DATA_DIR/media, named by the sha256 of their bytes.
 */
export function profileRoutes(app: FastifyInstance, ctx: AppContext): void {
  const media = createLocalDiskStore(join(ctx.config.dataDir, "media"));

  app.get(API.profiles, { config: { rule: "profiles.read" } }, async (request) => {
    const { ids } = parse(ProfilesQuery, request.query ?? {});
    return { profiles: await loadProfiles(ctx.db, ids) };
  });

  app.patch(API.myProfile, { config: { rule: "profile.update" } }, async (request) => {
    const changes = parse(UpdateProfileRequest, request.body ?? {});
    return { profile: await updateProfile(ctx, authorizedUser(request), changes) };
  });

  app.delete(API.myAvatar, { config: { rule: "profile.update" } }, async (request) => {
    return { profile: await removeAvatar(ctx, media, authorizedUser(request)) };
  });

  app.get(API.avatarFile(":file"), { config: { rule: "media.avatar.read" } }, async (request, reply) => {
    const hash = hashOfWebpFileName(parse(AvatarFileParams, request.params).file);
    const blob = hash ? await media.open("avatars", hash) : null;
    if (!blob) throw new AppError("NOT_FOUND", "No such avatar");
    // The name is the content's hash: the bytes behind a URL never change, so browsers keep
    // them for a year without asking again. "public" lets a CDN keep them too; the hash cannot
    // be guessed, so that shares nothing a signed-in person could not already see.
    return reply
      .type("image/webp")
      .header("content-length", String(blob.size))
      .header("cache-control", "public, max-age=31536000, immutable")
      .header("x-content-type-options", "nosniff")
      .send(blob.body);
  });

  void app.register(async (scope) => avatarUploadRoute(scope, ctx, media));
}

/**
 * `PUT /api/me/avatar` with the image's bytes as the body, in a scope of its own: only here
 * does the server read a raw body, up to AVATAR_MAX_BYTES instead of the 256 KB JSON limit,
 * whatever its Content-Type says (the bytes decide what it is: process-avatar.ts).
 */
async function avatarUploadRoute(scope: FastifyInstance, ctx: AppContext, media: MediaStore): Promise<void> {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(
    "*",
    { parseAs: "buffer", bodyLimit: AVATAR_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );
  // Decide before the body is read: 5 MB from someone who will be refused is not worth taking.
  // The rules module decides, as it will again before the handler (route-rules.ts).
  scope.addHook("onRequest", async (request) => {
    authorize(request.actor, "profile.update");
  });
  scope.setErrorHandler((error: FastifyError, _request, _reply) => {
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      throw new AppError("IMAGE_TOO_LARGE", `Images can be at most ${AVATAR_MAX_BYTES / 1024 / 1024} MB`);
    }
    // Everything else as everywhere else (the app's handler, http/error-handler.ts).
    throw error;
  });

  scope.put(API.myAvatar, { config: { rule: "profile.update" } }, async (request) => {
    const body = request.body;
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new AppError("VALIDATION_FAILED", "Send the image file as the request body");
    }
    return { profile: await setAvatar(ctx, media, authorizedUser(request), body) };
  });
}
