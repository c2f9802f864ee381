import { API, HistoryQuery, RoomParams } from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { requireUser } from "../../http/auth";
import { parse } from "../../http/parse";
import { authorize } from "../../rules/rules";
import { loadRoomAccess } from "../rooms/queries";
import { messagesAfter, messagesBefore } from "./queries";

export function messageRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(API.messages(":roomId"), async (request) => {
    const { roomId } = parse(RoomParams, request.params);
    const query = parse(HistoryQuery, request.query);
    authorize(request.actor, "room.read", await loadRoomAccess(ctx.db, request.user?.id ?? null, roomId));
    return query.after !== undefined
      ? messagesAfter(ctx.db, roomId, query.after, query.limit)
      : messagesBefore(ctx.db, roomId, query.before, query.limit);
  });

  app.post(API.messages(":roomId"), async (request, reply) => {
    const { roomId } = parse(RoomParams, request.params);
    const user = requireUser(request);
    const result = await ctx.sends.submit(user, roomId, request.body);
    return reply.status(result.duplicate ? 200 : 201).send(result);
  });
}
