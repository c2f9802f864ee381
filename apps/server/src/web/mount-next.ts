import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { FastifyInstance } from "fastify";
import next from "next";
import { AppError } from "../errors";
import { WEB_DIR } from "./web-build";

export interface MountedWeb {
  /** Next's own upgrades (hot reload in development). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

/**
 * Serves the Next.js web app from this Fastify instance: every path that no API route claims
 * goes to Next. In development Next compiles on demand with hot reload.
 */
export async function mountNext(app: FastifyInstance, options: { dev: boolean }): Promise<MountedWeb> {
  const nextApp = next({ dev: options.dev, dir: WEB_DIR, quiet: !options.dev });
  await nextApp.prepare();
  const handle = nextApp.getRequestHandler();
  const upgrade = nextApp.getUpgradeHandler();

  app.route({
    method: ["GET", "HEAD"],
    url: "/*",
    handler: async (request, reply) => {
      // An unknown API path must answer in the API's JSON shape, not with an HTML page.
      if (request.url.startsWith("/api/"))
        throw new AppError("NOT_FOUND", `No route ${request.method} ${request.url.split("?")[0]}`);
      reply.hijack();
      await handle(request.raw, reply.raw);
    },
  });

  return {
    handleUpgrade: (request, socket, head) => void upgrade(request, socket, head),
    close: () => nextApp.close(),
  };
}
