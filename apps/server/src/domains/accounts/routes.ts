import { API, LoginRequest, SESSION_COOKIE, SignupRequest, UserSearchQuery } from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { clearSessionCookie, requireUser, setSessionCookie } from "../../http/auth";
import { parse } from "../../http/parse";
import { authorizedUser } from "../../http/route-rules";
import { searchUsers } from "./search-users";
import { createSession } from "./sessions";
import { signIn } from "./sign-in";
import { signOut } from "./sign-out";
import { signUp } from "./sign-up";

export function accountRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post(API.signup, { config: { rule: "account.signup" } }, async (request, reply) => {
    const input = parse(SignupRequest, request.body);
    const user = await signUp(ctx, input);
    const session = await createSession(ctx, user.id);
    setSessionCookie(reply, ctx, session.token, session.expiresAt);
    return reply.status(201).send({ user });
  });

  app.post(API.login, { config: { rule: "account.login" } }, async (request, reply) => {
    const input = parse(LoginRequest, request.body);
    const user = await signIn(ctx, input, request.ip);
    const session = await createSession(ctx, user.id);
    setSessionCookie(reply, ctx, session.token, session.expiresAt);
    return { user };
  });

  app.post(API.logout, { config: { rule: "session.end" } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await signOut(ctx, token);
    clearSessionCookie(reply, ctx);
    return reply.status(204).send();
  });

  app.get(API.users, { config: { rule: "users.search" } }, async (request) => {
    const { q } = parse(UserSearchQuery, request.query);
    return { users: await searchUsers(ctx.db, q, authorizedUser(request)) };
  });

  app.get(API.me, { config: { rule: "session.read" } }, async (request) => {
    return { user: requireUser(request) };
  });
}
