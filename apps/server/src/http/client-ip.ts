import type { IncomingMessage } from "node:http";

/**
 * The client's address for a raw request (the WebSocket upgrade, which Fastify never sees),
 * decided exactly as Fastify decides `request.ip` for the same TRUST_PROXY: off, the socket's
 * peer; on (every hop trusted), the leftmost X-Forwarded-For entry. Per-IP limits then count
 * a person's socket sends and REST calls under one key.
 */
export function clientIp(request: IncomingMessage, trustProxy: boolean): string {
  const peer = request.socket.remoteAddress ?? "";
  if (!trustProxy) return peer;
  const header = request.headers["x-forwarded-for"];
  if (typeof header !== "string") return peer;
  return (
    header
      .split(",")
      .map((part) => part.trim())
      .find((part) => part.length > 0) ?? peer
  );
}
