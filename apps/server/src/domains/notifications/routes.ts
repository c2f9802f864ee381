import { API, MarkNotificationsReadRequest, NotificationsQuery } from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { parse } from "../../http/parse";
import { authorizedUser } from "../../http/route-rules";
import { markNotificationsRead } from "./mark-notifications-read";
import { listNotifications } from "./queries";

export function notificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(API.notifications, { config: { rule: "notifications.own" } }, async (request) => {
    const { before, limit } = parse(NotificationsQuery, request.query);
    return listNotifications(ctx.db, authorizedUser(request), before, limit);
  });

  app.post(API.notificationsRead, { config: { rule: "notifications.own" } }, async (request) => {
    const input = parse(MarkNotificationsReadRequest, request.body);
    return { unreadCount: await markNotificationsRead(ctx, authorizedUser(request), input) };
  });
}
