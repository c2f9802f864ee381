import { API } from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import { pooledRandomBytes } from "../pooled-random-bytes";

/**
 * The Content-Security-Policy of every response, with this request's nonce.
 *
 * Threat: a message, name or topic that slips markup past the renderer must not be able to
 * run. Scripts run only when they carry the per-request nonce — Next.js puts it on its own
 * bootstrap and chunk scripts — and 'strict-dynamic' lets those load the app's further chunks;
 * an injected `<script>`, inline handler (`onerror=`) or `javascript:` URL has no nonce and is
 * refused. Plugins (object-src), a `<base>` that would redirect relative script URLs
 * (base-uri), framing by other sites (frame-ancestors: clickjacking) and forms posting
 * elsewhere (form-action) are refused too. Images may be data: and blob: URLs (avatar
 * previews, pasted images); the socket is same-origin ('self' covers ws: and wss: there).
 * The service worker (/sw.js, worker-src) and the web app manifest (manifest-src) come from
 * this origin only; the worker's own importScripts() of /sw-push.js is allowed by
 * 'strict-dynamic' (not parser-inserted).
 *
 * Styles: stylesheets from this origin or carrying the nonce; `style="…"` attributes are
 * allowed (React renders some layout values that way) — they cannot run script.
 *
 * Development (`npm run dev`): Next's dev server and React's debugging use eval, and hot
 * reload injects <style> elements without a nonce, so both are allowed there only.
 *
 * Violations are reported (report-uri) to POST /api/csp-reports, which logs them. report-to is
 * left out on purpose: a browser that supports it ignores report-uri and delivers reports in
 * batches up to a minute late.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  const script = [
    "'self'",
    `'nonce-${nonce}'`,
    "'strict-dynamic'",
    ...(options.dev ? ["'unsafe-eval'"] : []),
  ];
  const style = options.dev ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`];
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    `style-src ${style.join(" ")}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    `report-uri ${API.cspReports}`,
  ].join("; ");
}

/** A fresh nonce: 128 random bits, base64 (never reused: a page's HTML is never cached). */
export function newNonce(): string {
  return pooledRandomBytes(16).toString("base64");
}

/**
 * Headers every response carries, set on the raw response as each request arrives: they then
 * reach the Next.js pages too (whose replies Fastify hands over to Next, skipping its own send
 * hooks). A route that sets its own CSP (a sandboxing one for a served file) replaces this one.
 *
 * Next.js takes the nonce for its scripts from the request's Content-Security-Policy header —
 * what its docs have a proxy (middleware) set; this server sets it here instead, before Next
 * sees the request, so Next needs no proxy of its own. The root layout reads the request
 * headers, which keeps every page dynamically rendered (a prerendered page's nonce could not
 * match).
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { dev: boolean }): void {
  app.addHook("onRequest", async (request, reply) => {
    const policy = contentSecurityPolicy(newNonce(), options);
    request.raw.headers["content-security-policy"] = policy;
    const res = reply.raw;
    res.setHeader("content-security-policy", policy);
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("referrer-policy", "same-origin");
    res.setHeader("x-frame-options", "DENY");
  });
}
