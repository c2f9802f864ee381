import { MemberParams, MessageParams, RoomParams } from "@parley/protocol";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../context";
import { messageAuthor } from "../domains/messages/queries";
import { batchedRoomAccess, roleOf } from "../domains/rooms/queries";
import {
  type Action,
  authorize,
  type RoomAction,
  type RoomResource,
  scopeOf,
  type UserAction,
} from "../rules/rules";
import { parse } from "./parse";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The rules-module action this route performs. Every /api route must declare one. */
    rule?: Action;
  }
  interface FastifyRequest {
    /** Set before the handler runs: who was allowed, and the room it was decided on. */
    authorized: { userId: string | null; room: RoomResource | null } | null;
  }
}

export interface RouteRule {
  method: string;
  url: string;
  rule: Action;
}

/**
 * Makes the rules module the gate of every API route: a route registered without
 * `config.rule` stops the server at start, and each request is authorised (401/403/404)
 * before its handler runs. Returns the list of routes with their rules (for the rules matrix
 * test and for reading the policy).
 */
export function registerRouteRules(app: FastifyInstance, ctx: Pick<AppContext, "db">): RouteRule[] {
  const routes: RouteRule[] = [];
  app.decorateRequest("authorized", null);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/")) return;
    const rule = (route.config as { rule?: Action } | undefined)?.rule;
    if (!rule) throw new Error(`Route ${String(route.method)} ${route.url} declares no rule (config.rule)`);
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") routes.push({ method, url: route.url, rule });
    }
  });
  // Requests that arrive together (500 people joining a room at once) read their rooms in one
  // query.
  const accessOf = batchedRoomAccess(ctx.db);
  app.addHook("preHandler", async (request) => {
    const rule = request.routeOptions.config.rule;
    if (!rule) return;
    request.authorized = await decide(ctx, accessOf, request, rule);
  });
  return routes;
}

async function decide(
  ctx: Pick<AppContext, "db">,
  accessOf: ReturnType<typeof batchedRoomAccess>,
  request: FastifyRequest,
  rule: Action,
): Promise<NonNullable<FastifyRequest["authorized"]>> {
  const scope = scopeOf(rule);
  if (scope === "public") return { userId: request.user?.id ?? null, room: null };
  if (scope === "user") return { userId: authorize(request.actor, rule as UserAction), room: null };
  const { roomId } = parse(RoomParams, request.params);
  const room = await accessOf(request.user?.id ?? null, roomId);
  // Actions on another person (`:userId`) are decided on that person's role too.
  const targetId = (request.params as { userId?: unknown }).userId;
  if (room && targetId !== undefined) {
    const { userId } = parse(MemberParams, request.params);
    room.target = { userId, role: await roleOf(ctx.db, roomId, userId) };
  }
  // Actions on a message (`:messageId`) are decided on who wrote it.
  if (room && (request.params as { messageId?: unknown }).messageId !== undefined) {
    const { messageId } = parse(MessageParams, request.params);
    room.message = await messageAuthor(ctx.db, roomId, messageId);
  }
  return { userId: authorize(request.actor, rule as RoomAction, room), room };
}

/** The user the route's rule admitted (for routes whose rule needs a signed-in user). */
export function authorizedUser(request: FastifyRequest): string {
  const userId = request.authorized?.userId;
  // Unreachable unless a route's handler disagrees with its declared rule: a bug, not input.
  if (!userId) throw new Error(`route ${request.routeOptions.url} has no authorised user`);
  return userId;
}
