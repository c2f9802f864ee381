import {
  API,
  ChangePasswordRequest,
  Id,
  LoginRequest,
  PasswordResetConfirm,
  PasswordResetRequest,
  SESSION_COOKIE,
  SignupRequest,
  UpdateAccountSecurityRequest,
  UserSearchQuery,
  VerifyEmailRequest,
} from "@parley/protocol";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { clearSessionCookie, requireUser, setSessionCookie } from "../../http/auth";
import { parse } from "../../http/parse";
import { authorizedUser } from "../../http/route-rules";
import { getAccountSecurity, setEmailDigest } from "./account-security";
import { changePassword } from "./change-password";
import { listSessions, revokeOtherSessions, revokeSession } from "./manage-sessions";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { searchUsers } from "./search-users";
import { createSession, hashToken, type SessionSeen } from "./sessions";
import { signIn } from "./sign-in";
import { signOut } from "./sign-out";
import { signUp } from "./sign-up";
import { requestVerificationEmail, verifyEmail } from "./verify-email";

const SessionParams = z.object({ sessionId: Id });

/** Where a sign-in comes from, shown in the owner's list of sessions. */
const seenFrom = (request: FastifyRequest): SessionSeen => ({
  userAgent: request.headers["user-agent"],
  ip: request.ip,
});

/** The hash of this request's session token (to tell "this device" among my sessions). */
function currentSessionHash(request: FastifyRequest): string | null {
  const token = request.cookies[SESSION_COOKIE];
  return token ? hashToken(token) : null;
}

export function accountRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post(API.signup, { config: { rule: "account.signup" } }, async (request, reply) => {
    const input = parse(SignupRequest, request.body);
    const user = await signUp(ctx, input);
    const session = await createSession(ctx, user.id, seenFrom(request));
    setSessionCookie(reply, ctx, session.token, session.expiresAt);
    return reply.status(201).send({ user });
  });

  app.post(API.login, { config: { rule: "account.login" } }, async (request, reply) => {
    const input = parse(LoginRequest, request.body);
    const user = await signIn(ctx, input, request.ip);
    const session = await createSession(ctx, user.id, seenFrom(request));
    setSessionCookie(reply, ctx, session.token, session.expiresAt);
    return { user };
  });

  app.post(API.logout, { config: { rule: "session.end" } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await signOut(ctx, token);
    clearSessionCookie(reply, ctx);
    return reply.status(204).send();
  });

  // "Forgot password?": 202 whether or not the address has an account (no enumeration).
  app.post(
    API.passwordReset,
    { config: { rule: "account.password.reset_request" } },
    async (request, reply) => {
      const { email } = parse(PasswordResetRequest, request.body);
      await requestPasswordReset(ctx, email, request.ip);
      return reply.status(202).send();
    },
  );

  app.post(
    API.passwordResetConfirm,
    { config: { rule: "account.password.reset" } },
    async (request, reply) => {
      const input = parse(PasswordResetConfirm, request.body);
      const user = await resetPassword(ctx, input);
      // Every session ended with the reset; the browser that used the link is signed in afresh.
      const session = await createSession(ctx, user.id, seenFrom(request));
      setSessionCookie(reply, ctx, session.token, session.expiresAt);
      return { user };
    },
  );

  app.post(API.verifyEmail, { config: { rule: "account.email.verify" } }, async (request) => {
    const { token } = parse(VerifyEmailRequest, request.body);
    return verifyEmail(ctx, token);
  });

  app.get(API.mySecurity, { config: { rule: "account.security" } }, async (request) => {
    return { security: await getAccountSecurity(ctx, authorizedUser(request)) };
  });

  app.patch(API.mySecurity, { config: { rule: "account.security" } }, async (request) => {
    const { emailDigest } = parse(UpdateAccountSecurityRequest, request.body);
    return { security: await setEmailDigest(ctx, authorizedUser(request), emailDigest) };
  });

  app.post(API.myVerification, { config: { rule: "account.security" } }, async (request, reply) => {
    await requestVerificationEmail(ctx, authorizedUser(request));
    return reply.status(202).send();
  });

  app.post(API.myPassword, { config: { rule: "account.security" } }, async (request) => {
    const input = parse(ChangePasswordRequest, request.body);
    return changePassword(ctx, authorizedUser(request), currentSessionHash(request) ?? "", input);
  });

  app.get(API.mySessions, { config: { rule: "sessions.manage" } }, async (request) => {
    return { sessions: await listSessions(ctx, authorizedUser(request), currentSessionHash(request)) };
  });

  app.delete(API.myOtherSessions, { config: { rule: "sessions.manage" } }, async (request) => {
    const current = currentSessionHash(request) ?? "";
    return { signedOut: await revokeOtherSessions(ctx, authorizedUser(request), current) };
  });

  app.delete(API.mySession(":sessionId"), { config: { rule: "sessions.manage" } }, async (request, reply) => {
    const { sessionId } = parse(SessionParams, request.params);
    const { tokenHash } = await revokeSession(ctx, authorizedUser(request), sessionId);
    if (tokenHash === currentSessionHash(request)) clearSessionCookie(reply, ctx);
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
