import { API, CreateRoomRequest, RoomParams, RoomSearchQuery, UpdateRoomRequest } from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { parse } from "../../http/parse";
import { authorizedUser } from "../../http/route-rules";
import { limitRequest } from "../../limits/limit-request";
import { createRoom } from "./create-room";
import { deleteRoom } from "./delete-room";
import { joinRoom } from "./join-room";
import { leaveRoom } from "./leave-room";
import { getRoom, listMyRooms, listPublicRooms } from "./queries";
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
