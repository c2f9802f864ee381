import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { registerRouteRules } from "./route-rules";

describe("http: route rules", () => {
  it("http: an API route without a declared rule stops the server from starting", () => {
    const app = Fastify();
    // No database is touched: the check happens when the route is registered.
    registerRouteRules(app, { db: null as never });
    expect(() => app.get("/api/ungoverned", async () => ({ oops: true }))).toThrow(/declares no rule/);
  });

  it("http: routes outside /api need no rule, and declared ones are listed with their rule", async () => {
    const app = Fastify();
    const routes = registerRouteRules(app, { db: null as never });
    app.get("/page", async () => "html");
    app.post("/api/thing", { config: { rule: "room.create" } }, async () => ({}));
    await app.ready();
    expect(routes).toEqual([{ method: "POST", url: "/api/thing", rule: "room.create" }]);
    await app.close();
  });
});
