import type { IncomingMessage } from "node:http";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const cases: Array<{ remoteAddress: string; forwardedFor?: string }> = [
  { remoteAddress: "10.0.0.5" },
  { remoteAddress: "10.0.0.5", forwardedFor: "203.0.113.7" },
  { remoteAddress: "10.0.0.5", forwardedFor: "203.0.113.7, 10.0.0.1" },
  { remoteAddress: "10.0.0.5", forwardedFor: " , 2001:db8::1 ,\t198.51.100.2" },
  { remoteAddress: "::1", forwardedFor: "" },
];

/** What Fastify itself reports as request.ip, next to what clientIp reads from the raw request. */
async function bothAnswers(trustProxy: boolean, c: (typeof cases)[number]) {
  const app = Fastify({ trustProxy });
  app.get("/", async (request) => ({
    fastify: request.ip,
    ours: clientIp(request.raw as IncomingMessage, trustProxy),
  }));
  const res = await app.inject({
    method: "GET",
    url: "/",
    remoteAddress: c.remoteAddress,
    headers: c.forwardedFor === undefined ? {} : { "x-forwarded-for": c.forwardedFor },
  });
  await app.close();
  return res.json() as { fastify: string; ours: string };
}

describe("http: client IP of a raw request", () => {
  it.each(cases)("http: matches Fastify's request.ip with TRUST_PROXY on and off (%o)", async (c) => {
    for (const trustProxy of [false, true]) {
      const { fastify, ours } = await bothAnswers(trustProxy, c);
      expect(ours).toBe(fastify);
    }
  });

  it("http: X-Forwarded-For is ignored unless the proxy is trusted (a client could forge it)", async () => {
    const forged = { remoteAddress: "198.51.100.9", forwardedFor: "1.2.3.4" };
    expect((await bothAnswers(false, forged)).ours).toBe("198.51.100.9");
    expect((await bothAnswers(true, forged)).ours).toBe("1.2.3.4");
  });
});
