import type { FastifyRequest } from "fastify";
import type { AppContext } from "../context";
import { authorizedUser } from "../http/route-rules";
import { enforceLimit, type LimitedAction } from "./action-limits";

/**
 * The per-user and per-IP limit for a route's action, for its signed-in caller. Called first
 * in the handler (after the route's rule, so refused callers spend nothing); over the limit it
 * throws RATE_LIMITED, which leaves as 429 with a Retry-After header.
 */
export function limitRequest(ctx: AppContext, action: LimitedAction, request: FastifyRequest): Promise<void> {
  return enforceLimit(ctx, action, { userId: authorizedUser(request), ip: request.ip });
}
