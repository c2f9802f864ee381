import { API, type OidcProvidersResponse } from "@parley/protocol";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../context";
import { setSessionCookie } from "../../http/auth";
import { createSession } from "../accounts/sessions";
import { OidcFailure } from "./oidc-errors";
import { finishOidcSignIn, newBrowserToken, SIGN_IN_TTL_MS, startOidcSignIn } from "./oidc-sign-in";

/** Holds the browser's token for sign-ins in flight (only sent to the OIDC routes). */
export const OIDC_BROWSER_COOKIE = "parley_oidc";
const COOKIE_PATH = "/api/auth/oidc";
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Sign-in with OpenID Connect providers. start and callback are browser navigations, not
 * fetches: they answer redirects, and every failure lands on /login?error=<code>.
 */
export function oidcRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(API.oidcProviders, { config: { rule: "account.oidc.providers" } }, async () => {
    const body: OidcProvidersResponse = {
      providers: ctx.config.oidc.providers.map((p) => ({ id: p.id, name: p.name })),
    };
    return body;
  });

  app.get<{ Params: { provider: string }; Querystring: { next?: string } }>(
    "/api/auth/oidc/:provider/start",
    { config: { rule: "account.oidc.start" } },
    async (request, reply) => {
      try {
        // Two tabs signing in at once share the token, so neither voids the other.
        const existing = request.cookies[OIDC_BROWSER_COOKIE];
        const browserToken = existing && TOKEN.test(existing) ? existing : newBrowserToken();
        const url = await startOidcSignIn(ctx, {
          providerId: request.params.provider,
          origin: `${request.protocol}://${request.host}`,
          next: request.query.next,
          ip: request.ip,
          browserToken,
          // Linking is for a start from our own page (the sign-in page, after a password
          // sign-in); a start from another site only signs in, so no page elsewhere can make
          // a signed-in browser link an identity it was tricked into holding.
          linkUserId: request.headers["sec-fetch-site"] === "same-origin" ? (request.user?.id ?? null) : null,
        });
        reply.setCookie(OIDC_BROWSER_COOKIE, browserToken, {
          path: COOKIE_PATH,
          httpOnly: true,
          // Lax: sent on the provider's top-level redirect back, never on cross-site subrequests.
          sameSite: "lax",
          secure: ctx.config.secureCookies,
          maxAge: SIGN_IN_TTL_MS / 1000,
        });
        return reply.redirect(url.href, 302);
      } catch (error) {
        return failed(request, reply, error);
      }
    },
  );

  app.get<{ Params: { provider: string } }>(
    "/api/auth/oidc/:provider/callback",
    { config: { rule: "account.oidc.callback" } },
    async (request, reply) => {
      try {
        const query = request.url.includes("?") ? request.url.slice(request.url.indexOf("?") + 1) : "";
        const { userId, next } = await finishOidcSignIn(ctx, {
          providerId: request.params.provider,
          query,
          browserToken: request.cookies[OIDC_BROWSER_COOKIE],
          sessionUserId: request.user?.id ?? null,
        });
        const session = await createSession(ctx, userId);
        setSessionCookie(reply, ctx, session.token, session.expiresAt);
        return reply.redirect(next, 302);
      } catch (error) {
        return failed(request, reply, error);
      }
    },
  );
}

function failed(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  if (!(error instanceof OidcFailure)) throw error;
  request.log.warn(
    { err: error, cause: error.cause, provider: (request.params as { provider?: string }).provider },
    `OpenID sign-in refused: ${error.code}`,
  );
  // An account with this email exists: after a password sign-in, the page links the provider.
  const provider = (request.params as { provider?: string }).provider ?? "";
  const linkable = error.code === "email_unverified" || error.code === "account_unconfirmed";
  const link = linkable ? `&link=${encodeURIComponent(provider)}` : "";
  return reply.redirect(`/login?error=${error.code}${link}`, 302);
}
