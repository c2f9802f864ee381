import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

describe("config: environment parsing", () => {
  it("config: has safe defaults (SQLite in ./data, port 3000)", () => {
    const config = loadConfig({ NODE_ENV: "test" });
    expect(config.port).toBe(3000);
    expect(config.database.kind).toBe("sqlite");
    expect(config.dataDir.endsWith("/data")).toBe(true);
    expect(config.secureCookies).toBe(false);
  });
  it("config: DATABASE_URL selects PostgreSQL and PUBLIC_URL https makes cookies Secure", () => {
    const config = loadConfig({
      NODE_ENV: "test",
      DATABASE_URL: "postgres://u@db/parley",
      PUBLIC_URL: "https://chat.example.org/",
    });
    expect(config.database).toEqual({ kind: "postgres", url: "postgres://u@db/parley" });
    expect(config.allowedOrigins).toEqual(["https://chat.example.org"]);
    expect(config.secureCookies).toBe(true);
  });
  it("config: a bad value fails fast naming the variable", () => {
    expect(() => loadConfig({ NODE_ENV: "test", PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ NODE_ENV: "test", DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });
});
