import { mkdirSync } from "node:fs";
import { join } from "node:path";
import cookie from "@fastify/cookie";
import { connectDb, type DbHandle, migrateToLatest } from "@parley/db";
import { API } from "@parley/protocol";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import pino from "pino";
import type { Config } from "./config";
import type { AppContext } from "./context";
import { probeDatabase } from "./db/probe-database";
import { accountRoutes } from "./domains/accounts/routes";
import { adminRoutes } from "./domains/admin/routes";
import { attachmentJobs } from "./domains/attachments/attachment-jobs";
import { attachmentRoutes } from "./domains/attachments/routes";
import { conversationRoutes } from "./domains/conversations/routes";
import { cspRoutes } from "./domains/csp/routes";
import { EMAIL_JOBS } from "./domains/email/email-jobs";
import { createMailer } from "./domains/email/mailer";
import { inviteRoutes } from "./domains/invites/routes";
import { messageRoutes } from "./domains/messages/routes";
import { SendPipeline } from "./domains/messages/send-pipeline";
import { moderationRoutes } from "./domains/moderation/routes";
import { notifyMessageJob } from "./domains/notifications/notify-message";
import { notificationRoutes } from "./domains/notifications/routes";
import { oidcRoutes } from "./domains/oidc/routes";
import { profileRoutes } from "./domains/profiles/routes";
import { pushRoutes } from "./domains/push/routes";
import { setupPush } from "./domains/push/setup-push";
import { readingRoutes } from "./domains/reading/routes";
import { createReceiptRecorder } from "./domains/receipts/record-receipt";
import { roomRoutes } from "./domains/rooms/routes";
import { indexMessagesJob } from "./domains/search/index-messages";
import { indexNewMessagesJob } from "./domains/search/index-room";
import { searchRoutes } from "./domains/search/routes";
import { notifyThreadReplyJob } from "./domains/threads/notify-thread-reply";
import { threadRoutes } from "./domains/threads/routes";
import { registerAuth } from "./http/auth";
import { registerErrorHandler } from "./http/error-handler";
import { createMemoryRateLimiter, type RateLimiter } from "./http/rate-limiter";
import { type RouteRule, registerRouteRules } from "./http/route-rules";
import { registerSecurityHeaders } from "./http/security-headers";
import { JobWorker } from "./jobs/job-worker";
import { createLocalDiskStore } from "./media/local-disk-store";
import { createInProcessBus } from "./realtime/bus";
import { Hub } from "./realtime/hub";
import { createMemoryPresenceTracker } from "./realtime/memory-presence-tracker";
import { PresenceService } from "./realtime/presence-service";
import { type PresenceTracker, presenceTtlMs } from "./realtime/presence-tracker";
import { createSocketServer, type SocketServer } from "./realtime/socket-server";
import { type MountedWeb, mountNext } from "./web/mount-next";

export interface ParleyApp {
  fastify: FastifyInstance;
  ctx: AppContext;
  /** Every API route with the rules-module action it performs. */
  routes: RouteRule[];
  /** Starts listening; resolves to the base URL (with the real port when PORT=0). */
  listen(): Promise<string>;
  /** Stops accepting, tells sockets to reconnect, closes the database. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Builds the whole server — database (migrated), bus, HTTP routes, WebSocket, and the web app
 * when enabled — without listening. Tests build it on port 0; main.ts listens on PORT.
 */
export async function buildApp(
  config: Config,
  options: {
    dbHandle?: DbHandle;
    /** Another limiter than the in-memory one (a shared store; a fake clock in tests). */
    rateLimiter?: RateLimiter;
    /** Another presence tracker than the in-memory one (a shared store; a fake clock in tests). */
    presenceTracker?: PresenceTracker;
  } = {},
): Promise<ParleyApp> {
  const log = pino({ level: config.logLevel, base: { app: "parley" } });
  mkdirSync(join(config.dataDir, "media"), { recursive: true });

  const dbHandle =
    options.dbHandle ??
    connectDb(
      config.database.kind === "sqlite" ? config.database : { kind: "postgres", url: config.database.url },
    );
  const applied = await migrateToLatest(dbHandle);
  if (applied.length > 0) log.info({ migrations: applied }, "database migrated");

  const bus = createInProcessBus((error) => log.error({ err: error }, "bus handler failed"));
  const base = {
    config,
    db: dbHandle.db,
    dbKind: dbHandle.kind,
    bus,
    log,
    rateLimiter: options.rateLimiter ?? createMemoryRateLimiter(),
    media: createLocalDiskStore(join(config.dataDir, "media")),
    // Only the email jobs use it; they find it in the job worker's context (email/mail-context.ts).
    mailer: createMailer(config.mail, log),
  };
  const presence = new PresenceService({
    ...base,
    tracker:
      options.presenceTracker ??
      createMemoryPresenceTracker({ ttlMs: presenceTtlMs(config.realtime.heartbeatMs) }),
    sweepEveryMs: config.realtime.heartbeatMs,
  });
  const push = setupPush(base);
  const ctx: AppContext = {
    ...base,
    sends: new SendPipeline(base),
    receipts: createReceiptRecorder(base),
    jobs: new JobWorker({ ...base, presence }, [
      notifyMessageJob,
      notifyThreadReplyJob,
      indexMessagesJob,
      indexNewMessagesJob,
      ...attachmentJobs(base.media),
      ...EMAIL_JOBS,
      push.job,
    ]),
    presence,
  };

  const fastify = Fastify({
    // pino's Logger is a FastifyBaseLogger; widening it keeps FastifyInstance's default type
    // parameters, which every route module is written against.
    loggerInstance: log as FastifyBaseLogger,
    // Per-request lines only when debugging or developing: a chat server's access log is noise.
    logController: new LogController({
      disableRequestLogging: !config.web.dev && config.logLevel !== "debug",
    }),
    trustProxy: config.trustProxy,
    bodyLimit: 256 * 1024,
    // Socket handlers are async: let close() wait for in-flight requests.
    forceCloseConnections: false,
  });
  await fastify.register(cookie);
  registerErrorHandler(fastify);
  registerSecurityHeaders(fastify, { dev: config.web.dev });
  registerAuth(fastify, ctx);
  const routes = registerRouteRules(fastify, ctx);
  fastify.get(API.health, { config: { rule: "server.health" } }, async () => {
    await probeDatabase(ctx);
    return { ok: true, db: ctx.dbKind };
  });
  accountRoutes(fastify, ctx);
  oidcRoutes(fastify, ctx);
  roomRoutes(fastify, ctx);
  messageRoutes(fastify, ctx);
  moderationRoutes(fastify, ctx);
  inviteRoutes(fastify, ctx);
  conversationRoutes(fastify, ctx);
  adminRoutes(fastify, ctx);
  readingRoutes(fastify, ctx);
  notificationRoutes(fastify, ctx);
  searchRoutes(fastify, ctx);
  profileRoutes(fastify, ctx);
  cspRoutes(fastify, ctx);
  attachmentRoutes(fastify, ctx);
  pushRoutes(fastify, ctx, push);
  threadRoutes(fastify, ctx);
  // Jobs left by an earlier run (a crash, a restart) are picked up now.
  ctx.jobs.start();
  ctx.presence.start();
  push.sweeper.start();

  let web: MountedWeb | undefined;
  if (config.web.enabled) web = await mountNext(fastify, { dev: config.web.dev });

  const hub = new Hub(bus);
  const sockets: SocketServer = createSocketServer(ctx, hub, fastify.server);
  fastify.server.on("upgrade", (request, socket, head) => {
    if (sockets.handleUpgrade(request, socket, head)) return;
    if (web) web.handleUpgrade(request, socket, head);
    else socket.destroy();
  });

  let closing: Promise<void> | undefined;
  return {
    fastify,
    ctx,
    routes,
    async listen() {
      await fastify.listen({ port: config.port, host: config.host });
      const address = fastify.server.address();
      const port = typeof address === "object" && address ? address.port : config.port;
      const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
      return `http://${host}:${port}`;
    },
    close() {
      closing ??= (async () => {
        await sockets.close();
        await ctx.receipts.flush();
        // Closing the sockets took everyone offline: store their "last seen" before the db goes.
        await ctx.presence.stop();
        await push.sweeper.stop();
        await ctx.jobs.stop();
        base.mailer.close();
        await fastify.close();
        await web?.close();
        await bus.close();
        await dbHandle.close();
      })();
      return closing;
    },
  };
}
