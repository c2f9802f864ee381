import { CSRF_HEADER, CSRF_HEADER_VALUE, SESSION_COOKIE } from "@parley/protocol";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../context";
import { findSessionUser, type SessionUser } from "../domains/accounts/sessions";
import { AppError } from "../errors";
import type { Actor } from "../rules/rules";
import { isAllowedOrigin } from "./origin";

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in user, or null. Set for every /api request. */
    user: SessionUser | null;
    /** Who is asking, for the rules module; derived from `user`. */
    readonly actor: Actor;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves the session cookie into `request.actor`, and refuses state-changing requests that
 * lack the CSRF header (a cross-site form cannot set a custom header, and a cross-site fetch
 * with one needs a CORS preflight we never grant) or that come from a foreign Origin.
 */
export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest("user", null);
  app.decorateRequest("actor", {
    getter(this: FastifyRequest): Actor {
      return this.user
        ? { kind: "user", userId: this.user.id, isAdmin: this.user.isAdmin }
        : { kind: "anonymous" };
    },
  });
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    // A route a browser calls by itself (CSP reports) says why it needs no CSRF header.
    if (!SAFE_METHODS.has(request.method) && !request.routeOptions.config.csrfExempt) {
      if (request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
        throw new AppError("CSRF_REJECTED", `Missing ${CSRF_HEADER} header`);
      }
      if (!isAllowedOrigin(ctx.config, request.headers.origin, request.headers.host)) {
        throw new AppError("CSRF_REJECTED", "Request from a foreign origin");
      }
    }
    const user = await findSessionUser(ctx, request.cookies[SESSION_COOKIE], {
      userAgent: request.headers["user-agent"],
      ip: request.ip,
    });
    request.user = user;
  });
}

/** The signed-in user, or UNAUTHENTICATED. */
export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new AppError("UNAUTHENTICATED", "Sign in first");
  return request.user;
}

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: ctx.config.secureCookies,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, ctx: AppContext): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: ctx.config.secureCookies,
  });
}
