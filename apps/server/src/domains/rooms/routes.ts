import {
  API,
  AVATAR_MAX_BYTES,
  CreateRoomRequest,
  RoomParams,
  RoomSearchQuery,
  UpdateRoomRequest,
} from "@parley/protocol";
import type { FastifyError, FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { parse } from "../../http/parse";
import { authorizedUser } from "../../http/route-rules";
import { limitRequest } from "../../limits/limit-request";
import type { MediaStore } from "../../media/media-store";
import { authorize } from "../../rules/rules";
import { createRoom } from "./create-room";
import { deleteRoom } from "./delete-room";
import { joinRoom } from "./join-room";
import { leaveRoom } from "./leave-room";
import { getRoom, listMyRooms, listPublicRooms, loadRoomAccess } from "./queries";
import { setRoomAvatar } from "./room-avatar";
import { updateRoom } from "./update-room";

export function roomRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(API.rooms, { config: { rule: "room.list" } }, async (request) => {
    const { q } = parse(RoomSearchQuery, request.query ?? {});
    return { rooms: await listPublicRooms(ctx.db, authorizedUser(request), q) };
  });

  app.get(API.myRooms, { config: { rule: "room.list" } }, async (request) => {
    return { rooms: await listMyRooms(ctx.db, authorizedUser(request)) };
  });

  app.post(API.rooms, { config: { rule: "room.create" } }, async (request, reply) => {
    const input = parse(CreateRoomRequest, request.body ?? {});
    const room = await createRoom(ctx, authorizedUser(request), input);
    return reply.status(201).send({ room });
  });

  app.get(API.room(":roomId"), { config: { rule: "room.view" } }, async (request) => {
    const { roomId } = parse(RoomParams, request.params);
    return { room: await getRoom(ctx.db, roomId, authorizedUser(request)) };
  });

  app.patch(API.room(":roomId"), { config: { rule: "room.manage" } }, async (request) => {
    const { roomId } = parse(RoomParams, request.params);
    const changes = parse(UpdateRoomRequest, request.body);
    const userId = authorizedUser(request);
    await updateRoom(ctx, userId, roomId, changes);
    return { room: await getRoom(ctx.db, roomId, userId) };
  });

  app.delete(API.roomAvatar(":roomId"), { config: { rule: "room.manage" } }, async (request) => {
    const { roomId } = parse(RoomParams, request.params);
    const userId = authorizedUser(request);
    await setRoomAvatar(ctx, ctx.media, userId, roomId, null);
    return { room: await getRoom(ctx.db, roomId, userId) };
  });

  void app.register(async (scope) => roomAvatarUploadRoute(scope, ctx, ctx.media));

  app.delete(API.room(":roomId"), { config: { rule: "room.delete" } }, async (request, reply) => {
    const { roomId } = parse(RoomParams, request.params);
    await deleteRoom(ctx, roomId);
    return reply.status(204).send();
  });

  app.post(API.joinRoom(":roomId"), { config: { rule: "room.join" } }, async (request) => {
    await limitRequest(ctx, "join", request);
    const { roomId } = parse(RoomParams, request.params);
    return { room: await joinRoom(ctx, authorizedUser(request), roomId) };
  });

  app.post(API.leaveRoom(":roomId"), { config: { rule: "room.leave" } }, async (request, reply) => {
    const { roomId } = parse(RoomParams, request.params);
    await leaveRoom(ctx, authorizedUser(request), roomId);
    return reply.status(204).send();
  });
}

/**
 * `PUT /api/rooms/:roomId/avatar` with the image's bytes as the body, in a scope of its own
 * (as a person's avatar: profiles/routes.ts): a raw body up to AVATAR_MAX_BYTES, whatever its
 * Content-Type says; the bytes decide what it is.
 */
async function roomAvatarUploadRoute(
  scope: FastifyInstance,
  ctx: AppContext,
  media: MediaStore,
): Promise<void> {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(
    "*",
    { parseAs: "buffer", bodyLimit: AVATAR_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );
  // Decide before the body is read: 5 MB from someone who will be refused is not worth taking.
  // The rules module decides, as it will again before the handler (route-rules.ts).
  scope.addHook("onRequest", async (request) => {
    const { roomId } = parse(RoomParams, request.params);
    authorize(request.actor, "room.manage", await loadRoomAccess(ctx.db, request.user?.id ?? null, roomId));
  });
  scope.setErrorHandler((error: FastifyError, _request, _reply) => {
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      throw new AppError("IMAGE_TOO_LARGE", `Images can be at most ${AVATAR_MAX_BYTES / 1024 / 1024} MB`);
    }
    throw error;
  });

  scope.put(API.roomAvatar(":roomId"), { config: { rule: "room.manage" } }, async (request) => {
    const { roomId } = parse(RoomParams, request.params);
    const body = request.body;
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new AppError("VALIDATION_FAILED", "Send the image file as the request body");
    }
    const userId = authorizedUser(request);
    await setRoomAvatar(ctx, media, userId, roomId, body);
    return { room: await getRoom(ctx.db, roomId, userId) };
  });
}
