import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectDb } from "@parley/db";
import { postgresAvailability, type TestDatabase, tempPostgres, tempSqlite } from "@parley/db/testing";
import { SESSION_COOKIE } from "@parley/protocol";
import { buildApp, type ParleyApp } from "../app";
import { type Config, loadConfig } from "../config";
import { createSession } from "../domains/accounts/sessions";
import type { RateLimiter } from "../http/rate-limiter";
import { LIFTED_RATE_LIMIT_ENV } from "./lifted-rate-limits";
import { TestClient } from "./test-client";

export type DbKindUnderTest = "sqlite" | "postgres";

export interface TestServer {
  app: ParleyApp;
  url: string;
  close(): Promise<void>;
  /** Stops the server but keeps its database, then starts a new server on the same data. */
  restart(): Promise<TestServer>;
}

/**
 * Which databases the integration suites run on: SQLite always, PostgreSQL when reachable
 * (always in CI, where an unreachable server fails the suite instead of skipping it).
 */
export const pgAvailability = await postgresAvailability();
if (!pgAvailability.run) console.warn(`[skip] PostgreSQL suites: ${pgAvailability.reason}`);
export const DB_KINDS: DbKindUnderTest[] = pgAvailability.run ? ["sqlite", "postgres"] : ["sqlite"];

/** API-only, quiet, on a loopback port, with the rate limits lifted unless `overrides` sets them. */
export function testConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  const base = loadConfig({
    ...LIFTED_RATE_LIMIT_ENV,
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    PARLEY_WEB: "0",
    // Messages become searchable within ~40 ms instead of ~2 s: tests that search wait less.
    SEARCH_INDEX_WINDOW_MS: "20",
  });
  return { ...base, ...overrides };
}

/**
 * A real server on an ephemeral loopback port with its own fresh database. `rateLimiter`
 * replaces the in-memory limiter (one on a fake clock); it survives restart().
 */
export async function startTestServer(
  kind: DbKindUnderTest,
  overrides: Partial<Config> = {},
  options: { rateLimiter?: RateLimiter } = {},
): Promise<TestServer> {
  const database: TestDatabase = kind === "sqlite" ? tempSqlite() : await tempPostgres();
  const dataDir = mkdtempSync(join(tmpdir(), "parley-data-"));
  const start = async (): Promise<TestServer> => {
    const app = await buildApp(testConfig(dataDir, overrides), {
      dbHandle: connectDb(database.options),
      rateLimiter: options.rateLimiter,
    });
    const url = await app.listen();
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      await app.close();
    };
    return {
      app,
      url,
      async close() {
        await stop();
        await database.dispose();
        rmSync(dataDir, { recursive: true, force: true });
      },
      async restart() {
        await stop();
        return start();
      },
    };
  };
  return start();
}

/** A test server with these people signed up, each with their own client (cookie). */
export async function startWithPeople<const Names extends readonly string[]>(
  kind: DbKindUnderTest,
  names: Names,
  overrides: Partial<Config> = {},
  options: { rateLimiter?: RateLimiter } = {},
): Promise<{ server: TestServer; people: { [K in keyof Names]: TestClient } }> {
  const server = await startTestServer(kind, overrides, options);
  const people = names.map(() => new TestClient(server.url));
  await Promise.all(people.map((person, i) => person.signUp(names[i])));
  // One client per name, in the same order: the mapped tuple type says exactly that.
  return { server, people: people as { [K in keyof Names]: TestClient } };
}

/**
 * A signed-in person created straight in the database — for tests that need hundreds of
 * users, where sign-up's deliberate argon2 cost would dominate. Sign-up itself is tested
 * through the API elsewhere.
 */
export async function seedPerson(server: TestServer, name: string): Promise<TestClient> {
  const ctx = server.app.ctx;
  const user = {
    id: randomUUID(),
    email: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@example.test`,
    displayName: name,
    createdAt: new Date().toISOString(),
    isAdmin: false,
  };
  await ctx.db
    .insertInto("users")
    .values({
      id: user.id,
      email: user.email,
      display_name: user.displayName,
      password_hash: "seeded: no password",
      created_at: user.createdAt,
    })
    .execute();
  const { token } = await createSession(ctx, user.id);
  const client = new TestClient(server.url).withCookie(`${SESSION_COOKIE}=${token}`);
  client.user = user;
  return client;
}
