import { API, OpenConversationRequest } from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { parse } from "../../http/parse";
import { authorizedUser } from "../../http/route-rules";
import { openConversation } from "./open-conversation";

export function conversationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post(API.conversations, { config: { rule: "conversation.open" } }, async (request, reply) => {
    const { userIds } = parse(OpenConversationRequest, request.body);
    const { room, created } = await openConversation(ctx, authorizedUser(request), userIds);
    return reply.status(created ? 201 : 200).send({ room });
  });
}
