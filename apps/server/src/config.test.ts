import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

describe("config: environment parsing", () => {
  it("config: has safe defaults (SQLite in ./data, port 3000)", () => {
    const config = loadConfig({ NODE_ENV: "test" });
    expect(config.port).toBe(3000);
    expect(config.database.kind).toBe("sqlite");
    expect(config.dataDir.endsWith("/data")).toBe(true);
    expect(config.secureCookies).toBe(false);
  });
  it("config: DATABASE_URL selects PostgreSQL and PUBLIC_URL https makes cookies Secure", () => {
    const config = loadConfig({
      NODE_ENV: "test",
      DATABASE_URL: "postgres://u@db/parley",
      PUBLIC_URL: "https://chat.example.org/",
    });
    expect(config.database).toEqual({ kind: "postgres", url: "postgres://u@db/parley" });
    expect(config.allowedOrigins).toEqual(["https://chat.example.org"]);
    expect(config.secureCookies).toBe(true);
  });
  it("config: rate limits per user and per IP have defaults and can be set", () => {
    const defaults = loadConfig({ NODE_ENV: "test" }).rateLimits;
    expect(defaults.post).toEqual({
      perUser: { max: 30, windowMs: 10_000 },
      perIp: { max: 150, windowMs: 10_000 },
    });
    expect(defaults.join).toEqual({
      perUser: { max: 20, windowMs: 60_000 },
      perIp: { max: 100, windowMs: 60_000 },
    });
    expect(defaults.invite).toEqual({
      perUser: { max: 30, windowMs: 3_600_000 },
      perIp: { max: 150, windowMs: 3_600_000 },
    });
    const set = loadConfig({
      NODE_ENV: "test",
      RATE_POST_USER_PER_10S: "5",
      RATE_POST_IP_PER_10S: "12",
      RATE_JOIN_USER_PER_MIN: "3",
      RATE_JOIN_IP_PER_MIN: "9",
      RATE_INVITE_USER_PER_HOUR: "2",
      RATE_INVITE_IP_PER_HOUR: "4",
    }).rateLimits;
    expect([set.post.perUser.max, set.post.perIp.max]).toEqual([5, 12]);
    expect([set.join.perUser.max, set.join.perIp.max]).toEqual([3, 9]);
    expect([set.invite.perUser.max, set.invite.perIp.max]).toEqual([2, 4]);
  });
  it("config: a rate limit must be a whole number of at least one", () => {
    expect(() => loadConfig({ NODE_ENV: "test", RATE_POST_USER_PER_10S: "0" })).toThrow(
      /RATE_POST_USER_PER_10S/,
    );
    expect(() => loadConfig({ NODE_ENV: "test", RATE_JOIN_IP_PER_MIN: "2.5" })).toThrow(
      /RATE_JOIN_IP_PER_MIN/,
    );
    expect(() => loadConfig({ NODE_ENV: "test", RATE_INVITE_USER_PER_HOUR: "lots" })).toThrow(
      /RATE_INVITE_USER_PER_HOUR/,
    );
  });
  it("config: upload limits default to 25 MiB per file and 1 GiB per person, and can be set", () => {
    expect(loadConfig({ NODE_ENV: "test" }).uploads).toEqual({
      maxBytes: 25 * 1024 * 1024,
      quotaBytes: 1024 * 1024 * 1024,
    });
    expect(
      loadConfig({ NODE_ENV: "test", UPLOAD_MAX_BYTES: "1048576", UPLOAD_QUOTA_BYTES: "10485760" }).uploads,
    ).toEqual({ maxBytes: 1_048_576, quotaBytes: 10_485_760 });
    expect(() => loadConfig({ NODE_ENV: "test", UPLOAD_MAX_BYTES: "lots" })).toThrow(/UPLOAD_MAX_BYTES/);
    expect(() => loadConfig({ NODE_ENV: "test", UPLOAD_QUOTA_BYTES: "0" })).toThrow(/UPLOAD_QUOTA_BYTES/);
  });
  it("config: OpenID providers are read from OIDC_PROVIDERS and OIDC_<ID>_*", () => {
    expect(loadConfig({ NODE_ENV: "test" }).oidc).toEqual({
      providers: [],
      publicOrigin: null,
      startsPerIp: { max: 60, windowMs: 600_000 },
    });
    const config = loadConfig({
      NODE_ENV: "test",
      PUBLIC_URL: "https://chat.example.org/app",
      OIDC_PROVIDERS: "google, Corp-SSO",
      OIDC_GOOGLE_ISSUER: "https://accounts.google.com",
      OIDC_GOOGLE_CLIENT_ID: "gid",
      OIDC_GOOGLE_CLIENT_SECRET: "gsecret",
      OIDC_GOOGLE_NAME: "Google",
      OIDC_CORP_SSO_ISSUER: "http://127.0.0.1:9000",
      OIDC_CORP_SSO_CLIENT_ID: "cid",
      OIDC_CORP_SSO_CLIENT_SECRET: "csecret",
      RATE_OIDC_START_IP_PER_10MIN: "7",
    }).oidc;
    expect(config.providers).toEqual([
      {
        id: "google",
        name: "Google",
        issuer: "https://accounts.google.com",
        clientId: "gid",
        clientSecret: "gsecret",
      },
      {
        id: "corp-sso",
        name: "corp-sso",
        issuer: "http://127.0.0.1:9000",
        clientId: "cid",
        clientSecret: "csecret",
      },
    ]);
    expect(config.publicOrigin).toBe("https://chat.example.org");
    expect(config.startsPerIp.max).toBe(7);
  });
  it("config: an incomplete or unsafe OpenID provider fails fast naming the variable", () => {
    expect(() => loadConfig({ NODE_ENV: "test", OIDC_PROVIDERS: "corp" })).toThrow(/OIDC_CORP_ISSUER/);
    expect(() =>
      loadConfig({
        NODE_ENV: "test",
        OIDC_PROVIDERS: "corp",
        OIDC_CORP_ISSUER: "https://sso.example.org",
        OIDC_CORP_CLIENT_ID: "id",
      }),
    ).toThrow(/OIDC_CORP_CLIENT_SECRET/);
    expect(() =>
      loadConfig({
        NODE_ENV: "test",
        OIDC_PROVIDERS: "corp",
        OIDC_CORP_ISSUER: "http://sso.example.org",
        OIDC_CORP_CLIENT_ID: "id",
        OIDC_CORP_CLIENT_SECRET: "secret",
      }),
    ).toThrow(/OIDC_CORP_ISSUER: must be an https/);
    expect(() => loadConfig({ NODE_ENV: "test", OIDC_PROVIDERS: "9lives" })).toThrow(/not a valid id/);
    expect(() =>
      loadConfig({
        NODE_ENV: "test",
        OIDC_PROVIDERS: "corp",
        OIDC_CORP_TYPE: "saml",
        OIDC_CORP_ISSUER: "https://sso.example.org",
        OIDC_CORP_CLIENT_ID: "id",
        OIDC_CORP_CLIENT_SECRET: "secret",
      }),
    ).toThrow(/OIDC_CORP_TYPE: "saml" is not a provider type/);
  });
  it("config: a GitHub provider needs only its client id and secret (github.com by default)", () => {
    const base = { NODE_ENV: "test" as const, OIDC_PROVIDERS: "github", OIDC_GITHUB_TYPE: "github" };
    const config = loadConfig({ ...base, OIDC_GITHUB_CLIENT_ID: "gh", OIDC_GITHUB_CLIENT_SECRET: "s" }).oidc;
    expect(config.providers).toEqual([
      {
        id: "github",
        name: "GitHub",
        type: "github",
        issuer: "https://github.com",
        apiUrl: "https://api.github.com",
        clientId: "gh",
        clientSecret: "s",
      },
    ]);
    const enterprise = loadConfig({
      ...base,
      OIDC_GITHUB_ISSUER: "https://git.example.org",
      OIDC_GITHUB_API_URL: "https://git.example.org/api/v3",
      OIDC_GITHUB_CLIENT_ID: "gh",
      OIDC_GITHUB_CLIENT_SECRET: "s",
    }).oidc.providers[0];
    expect([enterprise?.issuer, enterprise?.apiUrl]).toEqual([
      "https://git.example.org",
      "https://git.example.org/api/v3",
    ]);
    expect(() =>
      loadConfig({
        ...base,
        OIDC_GITHUB_API_URL: "http://git.example.org/api/v3",
        OIDC_GITHUB_CLIENT_ID: "gh",
        OIDC_GITHUB_CLIENT_SECRET: "s",
      }),
    ).toThrow(/OIDC_GITHUB_API_URL: must be an https/);
  });
  it("config: push has a VAPID subject (PUSH_SUBJECT, else an https PUBLIC_URL) and a stale threshold", () => {
    const defaults = loadConfig({ NODE_ENV: "test" }).push;
    expect(defaults).toMatchObject({ subject: "mailto:postmaster@localhost", staleAfterMs: 48 * 3_600_000 });
    expect(defaults.allowLoopback).toBe(false);
    expect(defaults.trustedCa).toBeUndefined();
    expect(loadConfig({ NODE_ENV: "test", PUSH_ALLOW_LOOPBACK: "1" }).push.allowLoopback).toBe(true);
    expect(loadConfig({ NODE_ENV: "test", PUBLIC_URL: "https://chat.example.org/x" }).push.subject).toBe(
      "https://chat.example.org",
    );
    const set = loadConfig({
      NODE_ENV: "test",
      PUSH_SUBJECT: "mailto:ops@example.org",
      PUSH_STALE_HOURS: "6",
    });
    expect(set.push).toMatchObject({ subject: "mailto:ops@example.org", staleAfterMs: 6 * 3_600_000 });
    expect(() => loadConfig({ NODE_ENV: "test", PUSH_SUBJECT: "ops@example.org" })).toThrow(/PUSH_SUBJECT/);
    expect(() => loadConfig({ NODE_ENV: "test", PUSH_STALE_HOURS: "0" })).toThrow(/PUSH_STALE_HOURS/);
  });
  it("config: mail goes to the log without SMTP_URL; links use PUBLIC_URL, never a request's host", () => {
    const defaults = loadConfig({ NODE_ENV: "test", PORT: "4000" }).mail;
    expect(defaults).toMatchObject({
      smtpUrl: null,
      from: "Parley <parley@localhost>",
      linkBase: "http://localhost:4000",
      resetTokenTtlMs: 3_600_000,
      digestDelayMs: 15 * 60_000,
    });
    const set = loadConfig({
      NODE_ENV: "test",
      SMTP_URL: "smtps://user:pass@mail.example.org:465",
      MAIL_FROM: "Chat <chat@example.org>",
      PUBLIC_URL: "https://chat.example.org/app",
      EMAIL_DIGEST_DELAY_MINUTES: "60",
    }).mail;
    expect(set).toMatchObject({
      smtpUrl: "smtps://user:pass@mail.example.org:465",
      from: "Chat <chat@example.org>",
      linkBase: "https://chat.example.org",
      digestDelayMs: 3_600_000,
    });
    expect(() => loadConfig({ NODE_ENV: "test", SMTP_URL: "mail.example.org" })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ NODE_ENV: "test", EMAIL_DIGEST_DELAY_MINUTES: "0" })).toThrow(
      /EMAIL_DIGEST_DELAY_MINUTES/,
    );
  });
  it("config: a bad value fails fast naming the variable", () => {
    expect(() => loadConfig({ NODE_ENV: "test", PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ NODE_ENV: "test", DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });
});
