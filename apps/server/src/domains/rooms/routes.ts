import { API, CreateRoomRequest, RoomParams } from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { parse } from "../../http/parse";
import { authorize } from "../../rules/rules";
import { createRoom } from "./create-room";
import { joinRoom } from "./join-room";
import { leaveRoom } from "./leave-room";
import { getRoom, listMyRooms, listPublicRooms, loadRoomAccess } from "./queries";

export function roomRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(API.rooms, async (request) => {
    const userId = authorize(request.actor, "room.list");
    return { rooms: await listPublicRooms(ctx.db, userId) };
  });

  app.get(API.myRooms, async (request) => {
    const userId = authorize(request.actor, "room.list");
    return { rooms: await listMyRooms(ctx.db, userId) };
  });

  app.post(API.rooms, async (request, reply) => {
    const userId = authorize(request.actor, "room.create");
    const input = parse(CreateRoomRequest, request.body ?? {});
    const room = await createRoom(ctx, userId, input);
    return reply.status(201).send({ room });
  });

  app.get(API.room(":roomId"), async (request) => {
    const { roomId } = parse(RoomParams, request.params);
    const access = await loadRoomAccess(ctx.db, request.user?.id ?? null, roomId);
    const userId = authorize(request.actor, "room.view", access);
    return { room: await getRoom(ctx.db, roomId, userId) };
  });

  app.post(API.joinRoom(":roomId"), async (request) => {
    const { roomId } = parse(RoomParams, request.params);
    const access = await loadRoomAccess(ctx.db, request.user?.id ?? null, roomId);
    const userId = authorize(request.actor, "room.join", access);
    return { room: await joinRoom(ctx, userId, roomId) };
  });

  app.post(API.leaveRoom(":roomId"), async (request, reply) => {
    const { roomId } = parse(RoomParams, request.params);
    const access = await loadRoomAccess(ctx.db, request.user?.id ?? null, roomId);
    const userId = authorize(request.actor, "room.leave", access);
    await leaveRoom(ctx, userId, roomId);
    return reply.status(204).send();
  });
}
