import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface GitHubAccount {
  id: number;
  login: string;
  name: string | null;
  emails: Array<{ email: string; primary: boolean; verified: boolean }>;
}

export interface TestGitHub {
  /** The web origin (authorize, access_token): a provider's ISSUER. */
  url: string;
  /** The REST API's base: a provider's API_URL. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  /** Who approves the next authorization (as if signed in at GitHub and clicking Authorize). */
  signIn(account: GitHubAccount): void;
  close(): Promise<void>;
}

/**
 * A stand-in for GitHub's OAuth 2.0 and REST API on loopback (this machine cannot reach
 * github.com), answering as GitHub documents: the authorize redirect with a code, the token
 * exchange (client secret in the body, PKCE S256 checked, codes single-use and bound to their
 * redirect URI, errors as 200 + `{ error }` like GitHub's), `/user` and `/user/emails` for a
 * bearer token. Only what Parley's sign-in uses.
 */
export async function startTestGitHub(): Promise<TestGitHub> {
  const clientId = "parley-test-github";
  const clientSecret = randomBytes(16).toString("hex");
  let approving: GitHubAccount | null = null;
  const codes = new Map<string, { account: GitHubAccount; redirectUri: string; challenge: string }>();
  const tokens = new Map<string, GitHubAccount>();

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => json(res, 500, { message: "stand-in failed" }));
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method === "GET" && url.pathname === "/login/oauth/authorize") {
      const q = url.searchParams;
      const redirect = new URL(q.get("redirect_uri") ?? "");
      if (q.get("client_id") !== clientId || q.get("code_challenge_method") !== "S256" || !approving) {
        redirect.searchParams.set("error", "access_denied");
      } else {
        const code = randomBytes(10).toString("hex");
        codes.set(code, {
          account: approving,
          redirectUri: redirect.href,
          challenge: q.get("code_challenge") ?? "",
        });
        redirect.searchParams.set("code", code);
      }
      redirect.searchParams.set("state", q.get("state") ?? "");
      res.writeHead(302, { location: redirect.href }).end();
      return;
    }
    if (req.method === "POST" && url.pathname === "/login/oauth/access_token") {
      const body = new URLSearchParams(await readBody(req));
      const grant = codes.get(body.get("code") ?? "");
      codes.delete(body.get("code") ?? "");
      const verifier = body.get("code_verifier") ?? "";
      const challenge = createHash("sha256").update(verifier).digest("base64url");
      if (body.get("client_id") !== clientId || body.get("client_secret") !== clientSecret) {
        return json(res, 200, { error: "incorrect_client_credentials" });
      }
      if (!grant || grant.redirectUri !== body.get("redirect_uri") || grant.challenge !== challenge) {
        return json(res, 200, { error: "bad_verification_code" });
      }
      const token = `gho_${randomBytes(18).toString("hex")}`;
      tokens.set(token, grant.account);
      return json(res, 200, { access_token: token, token_type: "bearer", scope: "read:user,user:email" });
    }
    const account = tokens.get((req.headers.authorization ?? "").replace(/^Bearer /, ""));
    if (req.method === "GET" && url.pathname.startsWith("/api/")) {
      if (!req.headers["user-agent"]) return json(res, 403, { message: "User-Agent required" });
      if (!account) return json(res, 401, { message: "Bad credentials" });
      if (url.pathname === "/api/user")
        return json(res, 200, { id: account.id, login: account.login, name: account.name });
      if (url.pathname === "/api/user/emails") {
        return json(
          res,
          200,
          account.emails.map((e) => ({ ...e, visibility: e.primary ? "private" : null })),
        );
      }
    }
    json(res, 404, { message: "Not Found" });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiUrl: `${url}/api`,
    clientId,
    clientSecret,
    signIn: (account) => {
      approving = account;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
