import { z } from "zod";

/**
 * Runs in the browser before the app starts (Next.js's client instrumentation hook).
 *
 * zod compiles object schemas with `new Function` when it can, and probes whether it can by
 * trying once. Under this app's Content-Security-Policy (no 'unsafe-eval',
 * apps/server/src/http/security-headers.ts) the probe is refused and reported as a violation
 * on every page load. The browser's share of parsing is small (socket frames, API answers),
 * so zod runs without compiling here; the server keeps its compiled parsers.
 */
z.config({ jitless: true });
