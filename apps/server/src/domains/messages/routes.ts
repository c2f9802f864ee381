import { API, HistoryQuery, RoomParams } from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { requireUser } from "../../http/auth";
import { parse } from "../../http/parse";
import { messagesAfter, messagesBefore } from "./queries";

export function messageRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(API.messages(":roomId"), { config: { rule: "room.read" } }, async (request) => {
    const { roomId } = parse(RoomParams, request.params);
    const query = parse(HistoryQuery, request.query);
    return query.after !== undefined
      ? messagesAfter(ctx.db, roomId, query.after, query.limit)
      : messagesBefore(ctx.db, roomId, query.before, query.limit);
  });

  // The route's rule answers early (401/403/404) for the REST caller; the send pipeline asks
  // the rules module again for its whole batch, as it does for socket sends.
  app.post(API.messages(":roomId"), { config: { rule: "room.post" } }, async (request, reply) => {
    const { roomId } = parse(RoomParams, request.params);
    const result = await ctx.sends.submit(requireUser(request), roomId, request.body);
    return reply.status(result.duplicate ? 200 : 201).send(result);
  });
}
