import { existsSync } from "node:fs";
import { buildApp } from "./app";
import { loadConfig } from "./config";
import { ensureWebBuild } from "./web/web-build";

// The process entry point: parse config, build the web app if needed, listen, and shut down
// cleanly on SIGTERM/SIGINT (sockets are told to reconnect; the database is closed).
async function main(): Promise<void> {
  // Variables already in the environment win over the .env file.
  if (existsSync(".env")) process.loadEnvFile(".env");
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  if (config.web.enabled && !config.web.dev) await ensureWebBuild();

  const app = await buildApp(config);
  const url = await app.listen();
  app.ctx.log.info(
    { url, db: app.ctx.dbKind, dataDir: config.dataDir, web: config.web },
    `Parley is listening on ${url}`,
  );

  // A bug in one request or socket must not take the whole chat down: log it loudly instead.
  process.on("unhandledRejection", (reason) => app.ctx.log.error({ err: reason }, "unhandled rejection"));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.ctx.log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
