import { API, type ErrorBody } from "@parley/protocol";
import { afterAll, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { createMemoryRateLimiter } from "../../http/rate-limiter";
import { DB_KINDS, startTestServer, type TestServer } from "../../testing/test-server";
import { CSP_REPORT_LIMIT, CSP_REPORT_MAX_BYTES } from "./routes";

/** What a browser sends: its own content type, no cookie, no CSRF header, an Origin. */
async function report(server: TestServer, body: string, contentType = "application/csp-report", ip?: string) {
  const res = await fetch(server.url + API.cspReports, {
    method: "POST",
    headers: {
      "content-type": contentType,
      origin: server.url,
      ...(ip ? { "x-forwarded-for": ip } : {}),
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as ErrorBody };
}

const LEGACY = JSON.stringify({
  "csp-report": {
    "document-uri": "http://localhost:3000/rooms/1",
    "violated-directive": "script-src-elem",
    "effective-directive": "script-src-elem",
    "blocked-uri": "inline",
    "line-number": 12,
    "script-sample": "alert(1)",
    "original-policy": "default-src 'self'",
    disposition: "enforce",
  },
});

const BATCH = JSON.stringify([
  {
    type: "csp-violation",
    age: 3,
    url: "http://localhost:3000/rooms/1",
    body: {
      documentURL: "http://localhost:3000/rooms/1",
      effectiveDirective: "img-src",
      blockedURL: `data:image/png;base64,${"A".repeat(2000)}`,
      disposition: "enforce",
    },
  },
  { type: "deprecation", body: { id: "x" } },
]);

describe.each(DB_KINDS)("csp reports (%s)", (kind) => {
  let server: TestServer;
  let warn: MockInstance;

  beforeAll(async () => {
    // Its own limiter, so the limit test starts from a full bucket whatever ran before it.
    server = await startTestServer(kind, { trustProxy: true }, { rateLimiter: createMemoryRateLimiter() });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    warn?.mockRestore();
    warn = vi.spyOn(server.app.ctx.log, "warn");
  });

  it("csp: a browser's report-uri report is logged at warn and answered 204", async () => {
    const res = await report(server, LEGACY, "application/csp-report", "10.0.0.1");
    expect(res.status).toBe(204);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatchObject({
      csp: {
        document: "http://localhost:3000/rooms/1",
        directive: "script-src-elem",
        blocked: "inline",
        line: 12,
        sample: "alert(1)",
        disposition: "enforce",
      },
    });
    expect(warn.mock.calls[0]?.[1]).toBe("content security policy violation");
  });

  it("csp: a Reporting API batch logs its CSP violations only, long values cut", async () => {
    const res = await report(server, BATCH, "application/reports+json", "10.0.0.2");
    expect(res.status).toBe(204);
    expect(warn).toHaveBeenCalledTimes(1);
    const logged = warn.mock.calls[0]?.[0] as { csp: { directive: string; blocked: string } };
    expect(logged.csp.directive).toBe("img-src");
    expect(logged.csp.blocked.length).toBeLessThanOrEqual(301);
  });

  it("csp: reports need neither a session nor the CSRF header, and set no cookie", async () => {
    const res = await report(server, LEGACY, "application/json", "10.0.0.3");
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("csp: a body that is not a report is refused with VALIDATION_FAILED", async () => {
    for (const body of ["not json", JSON.stringify({ hello: 1 }), JSON.stringify([{ type: 3 }])]) {
      const res = await report(server, body, "application/csp-report", "10.0.0.4");
      expect(res.status, body).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_FAILED");
    }
    expect(warn).not.toHaveBeenCalled();
  });

  it("csp: a body over the cap is refused with PAYLOAD_TOO_LARGE", async () => {
    const huge = JSON.stringify({ "csp-report": { "script-sample": "x".repeat(CSP_REPORT_MAX_BYTES) } });
    const res = await report(server, huge, "application/csp-report", "10.0.0.5");
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(warn).not.toHaveBeenCalled();
  });

  it("csp: one network is limited; another is not held back by it", async () => {
    for (let i = 0; i < CSP_REPORT_LIMIT.max; i++) {
      expect((await report(server, LEGACY, "application/csp-report", "10.0.9.9")).status).toBe(204);
    }
    const refused = await report(server, LEGACY, "application/csp-report", "10.0.9.9");
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await report(server, LEGACY, "application/csp-report", "10.0.8.8")).status).toBe(204);
  });

  it("csp: every response carries the policy, with a fresh nonce each time", async () => {
    const first = await fetch(server.url + API.health);
    const second = await fetch(server.url + API.health);
    const policy = first.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain(`report-uri ${API.cspReports}`);
    const nonce = (p: string | null) => /'nonce-([^']+)'/.exec(p ?? "")?.[1];
    expect(nonce(policy)).toBeTruthy();
    expect(nonce(second.headers.get("content-security-policy"))).not.toBe(nonce(policy));
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
