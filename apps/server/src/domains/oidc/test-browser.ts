import { CSRF_HEADER, CSRF_HEADER_VALUE } from "@parley/protocol";

/**
 * A minimal browser for API tests of redirect flows: a cookie jar per origin and redirects
 * followed by hand, so a test can stop at (and tamper with) any step.
 */
export class TestBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  cookies(origin: string): Map<string, string> {
    let jar = this.jars.get(origin);
    if (!jar) {
      jar = new Map();
      this.jars.set(origin, jar);
    }
    return jar;
  }

  /** One request, no redirect followed; cookies sent and stored like a browser. */
  async fetch(
    url: string,
    init: {
      method?: string;
      form?: Record<string, string>;
      json?: unknown;
      headers?: Record<string, string>;
    } = {},
  ) {
    const { origin } = new URL(url);
    const jar = this.cookies(origin);
    const headers: Record<string, string> = { ...init.headers };
    if (jar.size > 0) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    let body: string | undefined;
    if (init.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(init.form).toString();
    } else if (init.json !== undefined) {
      headers["content-type"] = "application/json";
      headers[CSRF_HEADER] = CSRF_HEADER_VALUE;
      headers.origin = origin;
      body = JSON.stringify(init.json);
    }
    const res = await fetch(url, { method: init.method ?? "GET", headers, body, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [k = "", v = ""] = a.trim().split("=");
        if (k.toLowerCase() === "max-age") return Number(v) <= 0;
        if (k.toLowerCase() === "expires") return new Date(v).getTime() <= Date.now();
        return false;
      });
      if (expired || value === "") jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  /**
   * Follows redirects from `url` until a page answers (not a redirect), or until the next URL
   * satisfies `stopAt` (returned without being requested).
   */
  async follow(
    url: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
    stopAt: (next: URL) => boolean = () => false,
  ): Promise<{ url: URL; res: Response | null }> {
    let current = new URL(url);
    let res = await this.fetch(current.href, init);
    for (let hops = 0; hops < 20; hops++) {
      const location = res.headers.get("location");
      if (res.status < 300 || res.status >= 400 || !location) return { url: current, res };
      current = new URL(location, current);
      if (stopAt(current)) return { url: current, res: null };
      res = await this.fetch(current.href);
    }
    throw new Error("too many redirects");
  }
}
