import { randomBytes } from "node:crypto";
import pg from "pg";

/** Where the bench finds PostgreSQL; like the test suites, a local `test` database. */
const BASE_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface BenchSchema {
  name: string;
  /** DATABASE_URL for the server: every pooled connection gets search_path = this schema. */
  databaseUrl: string;
  drop(): Promise<void>;
}

/**
 * A fresh schema for one run, so the bench never touches real data and leaves nothing behind.
 * The server has no setting for a schema, but node-postgres passes the URL's `options`
 * parameter to the server at connect time, so `-c search_path=...` applies to every pooled
 * connection (checked: `show search_path` on such a connection names the schema).
 */
export async function createBenchSchema(): Promise<BenchSchema> {
  const base = new URL(BASE_URL);
  // The bench only ever talks to this machine: a typo must not load someone's real server.
  if (base.hostname !== "127.0.0.1" && base.hostname !== "localhost") {
    throw new Error(`BENCH_DATABASE_URL must point at 127.0.0.1, not ${base.hostname}`);
  }
  base.hostname = "127.0.0.1";
  const name = `bench_${randomBytes(6).toString("hex")}`;
  await withClient(base.href, (c) => c.query(`create schema ${name}`));
  const url = new URL(base.href);
  url.searchParams.set("options", `-c search_path=${name}`);
  let dropped: Promise<void> | undefined;
  return {
    name,
    databaseUrl: url.href,
    drop() {
      dropped ??= withClient(base.href, (c) => c.query(`drop schema if exists ${name} cascade`)).then(
        () => undefined,
      );
      return dropped;
    },
  };
}

async function withClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
