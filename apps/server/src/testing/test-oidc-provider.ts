import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Account, type Configuration } from "oidc-provider";

/** Someone who can sign in at the test provider: their claims, by account id (the `sub`). */
export interface TestOpAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  given_name?: string;
}

export interface TestOidcProvider {
  /** http://127.0.0.1:<port> — the issuer to put in OIDC_<ID>_ISSUER. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Known accounts; tests add more. "verified" and "unverified" exist from the start. */
  accounts: Map<string, TestOpAccount>;
  close(): Promise<void>;
}

/** Where a callback may lead: any Parley server on the loopback. */
const LOOPBACK_CALLBACK = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/api\/auth\/oidc\/[a-z0-9-]+\/callback$/;

/**
 * A real OpenID Provider (the `oidc-provider` package, as certified) on 127.0.0.1, with one
 * confidential client and a login form of its own: type an account id, press "Sign in". It
 * grants the requested scopes at once (no consent page). PKCE is required of the client.
 */
export async function startTestOidcProvider(
  options: { accounts?: Record<string, TestOpAccount> } = {},
): Promise<TestOidcProvider> {
  const accounts = new Map<string, TestOpAccount>(
    Object.entries({
      verified: {
        email: "verified.person@op.example.test",
        email_verified: true,
        name: "Vera Verified",
        given_name: "Vera",
      },
      unverified: {
        email: "unverified.person@op.example.test",
        email_verified: false,
        name: "Una Unverified",
      },
      ...options.accounts,
    }),
  );
  const clientId = "parley-test";
  const clientSecret = randomBytes(24).toString("base64url");
  const http = createServer();
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        // Replaced by the loopback pattern below: Parley test servers listen on random ports.
        redirect_uris: ["http://127.0.0.1/api/auth/oidc/test/callback"],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: "test-op", alg: "RS256", use: "sig" }] },
    cookies: { keys: [randomBytes(16).toString("hex")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "given_name"] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub): Promise<Account | undefined> {
      const claims = accounts.get(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...claims }) };
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.Client.prototype.redirectUriAllowed = (uri: string) => LOOPBACK_CALLBACK.test(uri);
  const callback = provider.callback();

  http.on("request", (req, res) => {
    if (req.url?.startsWith("/interaction/")) {
      interaction(provider, accounts, req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    callback(req, res);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

/** The provider's own login page: GET shows the form, POST signs in and grants the scopes. */
async function interaction(
  provider: Provider,
  accounts: Map<string, TestOpAccount>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (req.method === "GET") {
    page(res, details.uid, "");
    return;
  }
  let body = "";
  for await (const chunk of req) body += chunk;
  const login = new URLSearchParams(body).get("login")?.trim() ?? "";
  if (!accounts.has(login)) {
    page(res, details.uid, `No account "${login}" here.`);
    return;
  }
  const clientId = String(details.params.client_id);
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: login, clientId });
  if (!grant) throw new Error("grant vanished");
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: login }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

function page(res: ServerResponse, uid: string, error: string): void {
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.end(`<!doctype html><html><head><title>Test OP sign-in</title></head><body>
<h1>Test OP</h1>${error ? `<p role="alert">${error.replace(/[<>&"]/g, "")}</p>` : ""}
<form method="post" action="/interaction/${uid}">
<label>Account <input name="login" autocomplete="username" autofocus></label>
<button type="submit">Sign in</button>
</form></body></html>`);
}
