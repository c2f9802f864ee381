import {
  API,
  EditMessageRequest,
  HistoryQuery,
  isMessageTooLong,
  MESSAGE_MAX_LENGTH,
  MessageParams,
  ReactRequest,
  RoomParams,
} from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { requireUser } from "../../http/auth";
import { parse } from "../../http/parse";
import { authorizedUser } from "../../http/route-rules";
import { react } from "../reactions/react";
import { deleteMessage } from "./delete-message";
import { editMessage, messageHistory } from "./edit-message";
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
    const result = await ctx.sends.submit(requireUser(request), roomId, request.body, request.ip);
    return reply.status(result.duplicate ? 200 : 201).send(result);
  });

  app.patch(API.message(":roomId", ":messageId"), { config: { rule: "message.edit" } }, async (request) => {
    const { roomId, messageId } = parse(MessageParams, request.params);
    const { body } = parse(EditMessageRequest, request.body);
    if (isMessageTooLong(body)) {
      throw new AppError("MESSAGE_TOO_LONG", `Messages can be at most ${MESSAGE_MAX_LENGTH} characters`);
    }
    return editMessage(ctx, authorizedUser(request), roomId, messageId, body);
  });

  app.post(API.reactions(":roomId", ":messageId"), { config: { rule: "message.react" } }, async (request) => {
    const { roomId, messageId } = parse(MessageParams, request.params);
    const { emoji, on } = parse(ReactRequest, request.body);
    return react(ctx, authorizedUser(request), roomId, messageId, emoji, on);
  });

  app.get(
    API.messageHistory(":roomId", ":messageId"),
    { config: { rule: "message.history" } },
    async (request) => {
      const { roomId, messageId } = parse(MessageParams, request.params);
      return messageHistory(ctx.db, roomId, messageId);
    },
  );

  app.delete(
    API.message(":roomId", ":messageId"),
    { config: { rule: "message.delete" } },
    async (request) => {
      const { roomId, messageId } = parse(MessageParams, request.params);
      return deleteMessage(ctx, authorizedUser(request), roomId, messageId);
    },
  );
}
