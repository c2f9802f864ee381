import { API, OpenConversationRequest } from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { parse } from "../../http/parse";
import { authorizedUser } from "../../http/route-rules";
import { limitRequest } from "../../limits/limit-request";
import { openConversation } from "./open-conversation";

export function conversationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post(API.conversations, { config: { rule: "conversation.open" } }, async (request, reply) => {
    // Opening a conversation makes its people members: it counts as joining.
    await limitRequest(ctx, "join", request);
    const { userIds } = parse(OpenConversationRequest, request.body);
    const { room, created } = await openConversation(ctx, authorizedUser(request), userIds);
    return reply.status(created ? 201 : 200).send({ room });
  });
}
