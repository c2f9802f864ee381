import { resolve } from "node:path";
import { z } from "zod";
import { type OidcConfig, parseOidcProviders } from "./domains/oidc/oidc-config";
import type { Limit } from "./http/rate-limiter";

/** A budget in the environment: a whole number of actions, at least one. */
const perWindow = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/**
 * The whole configuration, parsed once from the environment at start. A bad value stops the
 * server with a message naming the variable, instead of failing later somewhere else.
 */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  HEARTBEAT_MS: z.coerce.number().int().min(50).max(600_000).default(20_000),
  SOCKET_BUFFER_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(4 * 1024 * 1024),
  FRAME_BURST: z.coerce.number().int().min(1).default(120),
  FRAMES_PER_SECOND: z.coerce.number().int().min(1).default(30),
  SEARCH_INDEX_WINDOW_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  RATE_POST_USER_PER_10S: perWindow(30),
  RATE_POST_IP_PER_10S: perWindow(150),
  RATE_JOIN_USER_PER_MIN: perWindow(20),
  RATE_JOIN_IP_PER_MIN: perWindow(100),
  RATE_INVITE_USER_PER_HOUR: perWindow(30),
  RATE_INVITE_IP_PER_HOUR: perWindow(150),
  /** OpenID Connect sign-ins started from one IP in 10 minutes. */
  RATE_OIDC_START_IP_PER_10MIN: perWindow(60),
  /** Largest attachment upload, in bytes (default 25 MiB). */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1024 * 1024),
  /** Total bytes of attachments one person may have stored (default 1 GiB). */
  UPLOAD_QUOTA_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024 * 1024),
  /** Who runs this server, for push services (VAPID `sub`): a mailto: or https: URL. */
  PUSH_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, "must be a mailto: or https:// URL")
    .optional(),
  /** A device whose pushes go unconfirmed this many hours is flagged in the device list. */
  PUSH_STALE_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 365)
    .default(48),
  /** Tests only: accept loopback push endpoints (a local test push service; trust its CA with NODE_EXTRA_CA_CERTS). */
  PUSH_ALLOW_LOOPBACK: z
    .enum(["0", "1"])
    .default("0")
    .transform((v) => v === "1"),
  /** Outgoing mail: smtp:// or smtps:// URL (user and password in it); unset: emails go to the log. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL")
    .optional(),
  /** The From of every email. */
  MAIL_FROM: z.string().trim().min(3).default("Parley <parley@localhost>"),
  /** A missed mention or DM waits this long (unread) before it goes out in a digest email. */
  EMAIL_DIGEST_DELAY_MINUTES: z.coerce
    .number()
    .min(0.01)
    .max(7 * 24 * 60)
    .default(15),
  PARLEY_DEV: z
    .enum(["0", "1"])
    .default("0")
    .transform((v) => v === "1"),
  PARLEY_WEB: z
    .enum(["0", "1"])
    .default("1")
    .transform((v) => v === "1"),
});

/** One action's budgets: each user's, and each client IP's (all its users together). */
export interface ActionLimits {
  perUser: Limit;
  perIp: Limit;
}

/**
 * The actions limited per user and per IP: posting (REST and socket share it), joining (a
 * room, an invite link, a conversation) and inviting (invite links, adding people).
 */
export interface RateLimits {
  post: ActionLimits;
  join: ActionLimits;
  invite: ActionLimits;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** SQLite file inside dataDir unless DATABASE_URL selects PostgreSQL. */
  database: { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };
  /** Origins allowed for cookies-bearing requests; empty = same host as the request. */
  allowedOrigins: string[];
  /** Whether cookies get the Secure flag (PUBLIC_URL is https). */
  secureCookies: boolean;
  sessionTtlMs: number;
  logLevel: string;
  trustProxy: boolean;
  /** Serve the Next.js web app from this process (off in API-only tests). */
  web: { enabled: boolean; dev: boolean };
  realtime: {
    /** Ping interval; a socket that misses one ping is dropped at the next (< 2 intervals). */
    heartbeatMs: number;
    /** Bytes queued for one socket past which it is closed as too slow (TOO_SLOW). */
    maxBufferedBytes: number;
    /** Incoming frames per connection: a burst, then a sustained rate per second. */
    frameBurst: number;
    framesPerSecond: number;
  };
  /** Failed logins allowed per email (and 4x per IP) in a 15-minute window. */
  loginAttempts: Limit;
  rateLimits: RateLimits;
  /** Attachments: largest single file, and each person's total stored bytes. */
  uploads: { maxBytes: number; quotaBytes: number };
  /** New messages are indexed for search per room and window of this many ms. */
  searchIndexWindowMs: number;
  /** Web Push (domains/push). */
  push: PushConfig;
  /** Email: verification, password reset and the digest (domains/email). */
  mail: MailConfig;
  /** OpenID Connect providers to sign in with (OIDC_PROVIDERS), and sign-ins started per IP. */
  oidc: OidcConfig & { startsPerIp: Limit };
}

export interface MailConfig {
  /** SMTP_URL; null: every email is written to the server log instead (development). */
  smtpUrl: string | null;
  from: string;
  /**
   * Where links in emails point: PUBLIC_URL, else http://localhost:PORT. Never the request's
   * Host header: a forged Host would put a reset token in a link to someone else's site.
   */
  linkBase: string;
  verifyTokenTtlMs: number;
  resetTokenTtlMs: number;
  /** How long a missed entry waits, unread, before it is emailed in a digest. */
  digestDelayMs: number;
  /** Push "works" for someone with a subscription confirmed within this long: no digest then. */
  pushWorkingWithinMs: number;
  /** "Forgot password?" emails per address and per client network (tests lift these). */
  resetRequests: { perEmail: Limit; perIp: Limit };
}

export interface PushConfig {
  /** VAPID subject: PUSH_SUBJECT, else PUBLIC_URL when https, else a mailto: placeholder. */
  subject: string;
  /** Pushes unconfirmed for this long flag a device as not working. */
  staleAfterMs: number;
  /** How often rooms set to "all" and read rooms are looked at for pushes to send or close. */
  sweepMs: number;
  /**
   * Tests only: accept loopback push endpoints — a local test push service stands in for the
   * browser vendor's (PUSH_ALLOW_LOOPBACK=1). Off, such endpoints are refused (SSRF).
   */
  allowLoopback: boolean;
  /** Tests only (never from the environment): a CA to trust for push services, in-process. */
  trustedCa?: string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  const oidc = parseOidcProviders(env);
  if (!parsed.success || oidc.problems.length > 0) {
    const issues = parsed.success ? [] : parsed.error.issues;
    const lines = [
      ...issues.map((i) => `  ${i.path.join(".")}: ${i.message}`),
      ...oidc.problems.map((p) => `  ${p}`),
    ];
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "sqlite", file: resolve(dataDir, "parley.sqlite") },
    allowedOrigins: e.PUBLIC_URL ? [new URL(e.PUBLIC_URL).origin] : [],
    secureCookies: e.PUBLIC_URL?.startsWith("https://") ?? false,
    sessionTtlMs: e.SESSION_TTL_DAYS * 24 * 60 * 60 * 1000,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    web: { enabled: e.PARLEY_WEB, dev: e.PARLEY_DEV },
    realtime: {
      heartbeatMs: e.HEARTBEAT_MS,
      maxBufferedBytes: e.SOCKET_BUFFER_BYTES,
      frameBurst: e.FRAME_BURST,
      framesPerSecond: e.FRAMES_PER_SECOND,
    },
    loginAttempts: { max: 5, windowMs: 15 * MINUTE },
    searchIndexWindowMs: e.SEARCH_INDEX_WINDOW_MS,
    rateLimits: {
      post: {
        perUser: { max: e.RATE_POST_USER_PER_10S, windowMs: 10 * SECOND },
        perIp: { max: e.RATE_POST_IP_PER_10S, windowMs: 10 * SECOND },
      },
      join: {
        perUser: { max: e.RATE_JOIN_USER_PER_MIN, windowMs: MINUTE },
        perIp: { max: e.RATE_JOIN_IP_PER_MIN, windowMs: MINUTE },
      },
      invite: {
        perUser: { max: e.RATE_INVITE_USER_PER_HOUR, windowMs: HOUR },
        perIp: { max: e.RATE_INVITE_IP_PER_HOUR, windowMs: HOUR },
      },
    },
    uploads: { maxBytes: e.UPLOAD_MAX_BYTES, quotaBytes: e.UPLOAD_QUOTA_BYTES },
    mail: {
      smtpUrl: e.SMTP_URL ?? null,
      from: e.MAIL_FROM,
      linkBase: e.PUBLIC_URL ? new URL(e.PUBLIC_URL).origin : `http://localhost:${e.PORT}`,
      verifyTokenTtlMs: 3 * 24 * HOUR,
      resetTokenTtlMs: HOUR,
      digestDelayMs: Math.round(e.EMAIL_DIGEST_DELAY_MINUTES * MINUTE),
      pushWorkingWithinMs: 7 * 24 * HOUR,
      resetRequests: { perEmail: { max: 3, windowMs: HOUR }, perIp: { max: 20, windowMs: HOUR } },
    },
    push: {
      subject:
        e.PUSH_SUBJECT ??
        (e.PUBLIC_URL?.startsWith("https://") ? new URL(e.PUBLIC_URL).origin : "mailto:postmaster@localhost"),
      staleAfterMs: Math.round(e.PUSH_STALE_HOURS * HOUR),
      sweepMs: 2 * SECOND,
      allowLoopback: e.PUSH_ALLOW_LOOPBACK,
    },
    oidc: {
      providers: oidc.providers,
      publicOrigin: e.PUBLIC_URL ? new URL(e.PUBLIC_URL).origin : null,
      startsPerIp: { max: e.RATE_OIDC_START_IP_PER_10MIN, windowMs: 10 * MINUTE },
    },
  };
}
