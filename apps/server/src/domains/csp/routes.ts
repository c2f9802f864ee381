import { API } from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { AppError } from "../../errors";
import { parse } from "../../http/parse";
import { ipBucket } from "../../limits/ip-bucket";
import { CspReportBody, violationsIn } from "./csp-report";

/** A report is a few hundred bytes; a batch of them a few kB. Anything bigger is not one. */
export const CSP_REPORT_MAX_BYTES = 16 * 1024;
/** Per client network: a page with a real problem reports it on every load, not thousands of times. */
export const CSP_REPORT_LIMIT = { max: 30, windowMs: 60_000 };

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * Why this state-changing route may be called without the CSRF header (http/auth.ts).
     * Only for routes a browser calls by itself and which act for no one.
     */
    csrfExempt?: string;
  }
}

/**
 * `POST /api/csp-reports`: browsers report Content-Security-Policy violations here (the
 * policy's report-uri, http/security-headers.ts); each is logged at warn, for the operator.
 * Public, and without the CSRF header — the browser sends reports by itself and cannot add
 * one; the route acts for no one and only writes a log line, so a forged report can do no
 * more than add a line, which the per-network limit and the size cap bound.
 */
export function cspRoutes(app: FastifyInstance, ctx: AppContext): void {
  void app.register(async (scope) => {
    // The report formats' own content types, parsed as JSON; application/json as everywhere.
    scope.addContentTypeParser(
      ["application/csp-report", "application/reports+json"],
      { parseAs: "string", bodyLimit: CSP_REPORT_MAX_BYTES },
      (_request, body, done) => {
        try {
          done(null, JSON.parse(String(body)));
        } catch {
          done(new AppError("VALIDATION_FAILED", "A CSP report must be JSON"), undefined);
        }
      },
    );

    scope.post(
      API.cspReports,
      {
        bodyLimit: CSP_REPORT_MAX_BYTES,
        config: {
          rule: "csp.report",
          csrfExempt: "browsers send CSP reports themselves; the route only logs",
        },
      },
      async (request, reply) => {
        const wait = await ctx.rateLimiter.take([
          { key: `csp:ip:${ipBucket(request.ip)}`, limit: CSP_REPORT_LIMIT },
        ]);
        if (wait > 0) {
          throw new AppError("RATE_LIMITED", `Too many CSP reports; try again in ${wait} s`, {
            retryAfterSeconds: wait,
          });
        }
        const body = parse(CspReportBody, request.body ?? {});
        for (const violation of violationsIn(body)) {
          ctx.log.warn(
            { csp: violation, ip: request.ip, userAgent: request.headers["user-agent"]?.slice(0, 200) },
            "content security policy violation",
          );
        }
        return reply.status(204).send();
      },
    );
  });
}
