import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { CLOSE_CODES, SESSION_COOKIE, SOCKET_PATH } from "@parley/protocol";
import { WebSocketServer } from "ws";
import type { AppContext } from "../context";
import { findSessionUser, hashToken } from "../domains/accounts/sessions";
import { clientIp } from "../http/client-ip";
import { isAllowedOrigin } from "../http/origin";
import { Connection } from "./connection";
import type { Hub } from "./hub";

/** Largest client frame accepted; a message of 4,000 characters is far below it. */
const MAX_FRAME_BYTES = 64 * 1024;

export interface SocketServer {
  /** Handles an HTTP upgrade if it is for the chat socket; returns false otherwise. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Tells every client to reconnect elsewhere and closes the sockets. */
  close(): Promise<void>;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function createSocketServer(ctx: AppContext, hub: Hub, _server: Server): SocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const connections = new Set<Connection>();
  let closing = false;

  const heartbeat = setInterval(() => {
    for (const connection of connections) {
      if (!connection.alive) {
        connection.terminate();
        continue;
      }
      connection.alive = false;
      connection.ping();
    }
  }, ctx.config.realtime.heartbeatMs);
  heartbeat.unref();

  return {
    handleUpgrade(request, socket, head) {
      const url = new URL(request.url ?? "/", "http://localhost");
      if (url.pathname !== SOCKET_PATH) return false;
      if (closing) {
        // Shutting down: the client retries with backoff and reaches the next server.
        socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n");
        return true;
      }
      // Cross-site WebSocket hijacking: a foreign page could open this socket with the
      // user's cookie, so the Origin must be ours.
      if (!isAllowedOrigin(ctx.config, request.headers.origin, request.headers.host)) {
        socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n");
        return true;
      }
      const token = readCookie(request.headers.cookie, SESSION_COOKIE);
      void findSessionUser(ctx, token).then(
        (user) => {
          wss.handleUpgrade(request, socket, head, (ws) => {
            if (!user || !token) {
              // Accept, then close with a code the client understands as "sign in again";
              // a refused upgrade looks the same as a network error to a browser.
              ws.close(CLOSE_CODES.UNAUTHENTICATED, "sign in first");
              return;
            }
            const ip = clientIp(request, ctx.config.trustProxy);
            const connection = new Connection(ctx, hub, ws, user, hashToken(token), ip);
            connections.add(connection);
            ws.on("pong", () => connection.heartbeatAnswered());
            ws.on("message", (data, isBinary) => {
              connection.alive = true;
              connection.onRawFrame(isBinary ? "" : data.toString()).catch((error) => {
                ctx.log.error({ err: error }, "socket frame handling failed");
                connection.close(CLOSE_CODES.SERVER_RESTART, "internal error");
              });
            });
            ws.on("close", () => {
              connections.delete(connection);
              connection.dispose();
            });
            ws.on("error", (error) => ctx.log.debug({ err: error }, "socket error"));
            void connection.start().catch((error) => {
              ctx.log.error({ err: error }, "socket start failed");
              connection.close(CLOSE_CODES.SERVER_RESTART, "start failed");
            });
          });
        },
        (error) => {
          ctx.log.error({ err: error }, "socket auth failed");
          socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n");
        },
      );
      return true;
    },
    async close() {
      closing = true;
      clearInterval(heartbeat);
      // Finish the sends already being written (so their acks go out), then tell every client
      // to reconnect; frames that arrive meanwhile are not processed and get no ack, so the
      // client resends them after reconnecting.
      await Promise.all([...connections].map((c) => c.drain()));
      for (const connection of connections) connection.close(CLOSE_CODES.SERVER_RESTART, "server restarting");
      connections.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
