import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DbOptions } from "@parley/db";
import type { DbKind } from "../options";
import { createBenchSchema } from "../postgres-schema";
import { readMemory } from "../proc-stats";
import { RestClient } from "../rest-client";
import { type SeededUser, seedUsers } from "../seed/seed-users";
import { type ServerProcess, startParley } from "../server-process";
import type { RunContext } from "./run-context";

export interface ParleyServer {
  server: ServerProcess;
  baseUrl: string;
  users: SeededUser[];
  seedMs: number;
  rest(user: SeededUser): RestClient;
  /** Peak RSS (VmHWM) so far; read before stopping. */
  peakRssMiB(): number | null;
  /** Stops the server (graceful) and marks the exit as expected. */
  stop(): Promise<void>;
}

/**
 * A Parley server of its own for a suite: a temp data dir (SQLite) or a throwaway schema
 * (PostgreSQL), `users` seeded with sessions before it starts, and everything removed by the
 * run's cleanup whatever happens. A server that dies while in use aborts the run.
 */
export async function startParleyServer(
  ctx: RunContext,
  db: DbKind,
  users: number,
  runId: string,
  onUnexpectedExit: (how: string) => void,
): Promise<ParleyServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "parley-bench-"));
  ctx.cleanup.add("remove temp data dir", () => rmSync(dataDir, { recursive: true, force: true }));
  const env: Record<string, string> = {};
  let dbOptions: DbOptions = { kind: "sqlite", file: join(dataDir, "parley.sqlite") };
  if (db === "postgres") {
    const schema = await createBenchSchema();
    ctx.cleanup.add(`drop schema ${schema.name}`, () => schema.drop());
    env.DATABASE_URL = schema.databaseUrl;
    dbOptions = { kind: "postgres", url: schema.databaseUrl, schema: schema.name };
  }
  const t0 = performance.now();
  const seeded = await seedUsers(dbOptions, users, runId);
  const seedMs = Math.round(performance.now() - t0);
  ctx.log(`starting Parley (${db}), ${users} users seeded in ${seedMs} ms`);
  const server = await startParley(dataDir, env);
  let expected = false;
  ctx.cleanup.add("stop Parley", () => {
    expected = true;
    return server.stop();
  });
  void server.exited.then((how) => {
    if (!expected) onUnexpectedExit(`Parley (${db}) exited during the run (${how})`);
  });
  const baseUrl = `http://127.0.0.1:${server.port}`;
  return {
    server,
    baseUrl,
    users: seeded,
    seedMs,
    rest: (user) => new RestClient(baseUrl, user.cookie),
    peakRssMiB: () => readMemory(server.pid).peakRssMiB,
    stop() {
      expected = true;
      return server.stop();
    },
  };
}

/**
 * Opens one direct message per pair of users (the first opens it with the second) and returns
 * the room ids, pair by pair, `concurrency` pairs at a time. A DM, not a two-member channel:
 * that is what a 1:1 chat is in Parley, and every DM message costs a notification job too.
 */
export async function createPairRooms(p: ParleyServer, pairUsers: readonly SeededUser[]) {
  const rooms: string[] = [];
  const concurrency = 20;
  for (let i = 0; i < pairUsers.length; i += 2 * concurrency) {
    const batch = pairUsers.slice(i, i + 2 * concurrency);
    const ids = await Promise.all(
      Array.from({ length: batch.length / 2 }, async (_, k) => {
        const [a, b] = [batch[2 * k], batch[2 * k + 1]];
        if (!a || !b) throw new Error("pair users must come in twos");
        const room = await p.rest(a).openDm(b.id);
        return room.id;
      }),
    );
    rooms.push(...ids);
  }
  return rooms;
}
