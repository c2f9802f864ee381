import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "./security-headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("http: content security policy", () => {
  it("runs only nonce'd scripts, refuses plugins, <base>, framing and foreign forms", () => {
    const csp = directives(contentSecurityPolicy("abc123", { dev: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'nonce-abc123'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("report-uri")).toEqual(["/api/csp-reports"]);
  });

  it("lets this origin's service worker and web app manifest load, nothing else's", () => {
    const csp = directives(contentSecurityPolicy("n", { dev: false }));
    expect(csp.get("worker-src")).toEqual(["'self'", "blob:"]);
    expect(csp.get("manifest-src")).toEqual(["'self'"]);
  });

  it("never allows inline script or eval in production", () => {
    const policy = contentSecurityPolicy("n", { dev: false });
    expect(directives(policy).get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy).not.toContain("unsafe-eval");
  });

  it("allows eval and injected styles in development only (hot reload)", () => {
    const csp = directives(contentSecurityPolicy("n", { dev: true }));
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("makes a new 128-bit nonce each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
    // Drawn from a pool of random bytes: never the same slice twice, across refills too.
    const many = Array.from({ length: 2_000 }, () => newNonce());
    expect(new Set(many).size).toBe(many.length);
    expect(many.every((n) => Buffer.from(n, "base64").length === 16)).toBe(true);
  });
});
