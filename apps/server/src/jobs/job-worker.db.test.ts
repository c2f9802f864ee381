import { connectDb, type DbHandle, migrateToLatest } from "@parley/db";
import { type TestDatabase, tempPostgres, tempSqlite } from "@parley/db/testing";
import pino from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { runAction } from "../db/run-action";
import { createInProcessBus } from "../realtime/bus";
import { createMemoryPresenceTracker } from "../realtime/memory-presence-tracker";
import { PresenceService } from "../realtime/presence-service";
import { DB_KINDS } from "../testing/test-server";
import { defineJob } from "./define-job";
import { enqueueJob } from "./enqueue-job";
import { JobWorker, type JobWorkerOptions } from "./job-worker";

describe.each(DB_KINDS)("jobs: the worker (%s)", (kind) => {
  let database: TestDatabase;
  let handle: DbHandle;
  const workers: JobWorker[] = [];
  const log = pino({ level: "silent" });
  const bus = createInProcessBus(() => undefined);
  // The worker's clock; enqueues stamp jobs with the real time, so it starts a minute ahead.
  let clock = new Date();
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };

  beforeAll(async () => {
    database = kind === "sqlite" ? tempSqlite() : await tempPostgres();
    handle = connectDb(database.options);
    await migrateToLatest(handle);
  });
  beforeEach(() => {
    clock = new Date(Date.now() + 60_000);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await handle.db.deleteFrom("jobs").execute();
  });
  afterAll(async () => {
    await handle?.close();
    await database?.dispose();
  });

  function worker(definitions: Parameters<typeof defineJob>[0][], options: Partial<JobWorkerOptions> = {}) {
    const tracker = createMemoryPresenceTracker({ ttlMs: 60_000 });
    const presence = new PresenceService({ db: handle.db, bus, log, tracker, sweepEveryMs: 60_000 });
    const w = new JobWorker({ db: handle.db, dbKind: handle.kind, bus, log, presence }, definitions, {
      now: () => clock,
      random: () => 0.5,
      ...options,
    });
    workers.push(w);
    return w;
  }

  const greet = (seen: string[], fail: (attempt: number) => boolean = () => false) =>
    defineJob({
      id: "test.greet",
      version: 1,
      payload: z.object({ name: z.string() }),
      maxAttempts: 3,
      async handle(_ctx, payload, job) {
        if (fail(job.attempt)) throw new Error(`attempt ${job.attempt} failed`);
        seen.push(payload.name);
      },
    });

  const statusOf = async () =>
    handle.db.selectFrom("jobs").select(["status", "attempts", "last_error"]).execute();

  it("jobs: a job exists only if the change that enqueued it committed, and runs once", async () => {
    const seen: string[] = [];
    const job = greet(seen);
    await handle.db.transaction().execute(async (tx) => enqueueJob(tx, job, { name: "kept" }));
    await expect(
      handle.db.transaction().execute(async (tx) => {
        await enqueueJob(tx, job, { name: "rolled back" });
        throw new Error("the action failed");
      }),
    ).rejects.toThrow("the action failed");
    expect(await worker([job]).drain()).toBe(1);
    expect(seen).toEqual(["kept"]);
    expect(await statusOf()).toEqual([{ status: "done", attempts: 1, last_error: null }]);
    expect(await worker([job]).drain()).toBe(0);
  });

  it("jobs: an enqueue with the same key is a no-op, and a bad payload is refused at once", async () => {
    const seen: string[] = [];
    const job = greet(seen);
    for (let i = 0; i < 3; i++) await enqueueJob(handle.db, job, { name: "once" }, { key: "message-1" });
    await enqueueJob(handle.db, job, { name: "other" }, { key: "message-2" });
    await worker([job]).drain();
    expect(seen.sort()).toEqual(["once", "other"]);
    await expect(enqueueJob(handle.db, job, { name: 42 } as never)).rejects.toThrow();
  });

  it("jobs: a failing job is retried with growing delays, then succeeds", async () => {
    const seen: string[] = [];
    const job = greet(seen, (attempt) => attempt < 3);
    await enqueueJob(handle.db, job, { name: "third time" });
    const w = worker([job]);
    expect(await w.drain()).toBe(1);
    expect(await statusOf()).toEqual([{ status: "pending", attempts: 1, last_error: "attempt 1 failed" }]);
    // Not due before its delay (2 s after the first failure).
    advance(1_900);
    expect(await w.drain()).toBe(0);
    advance(200);
    expect(await w.drain()).toBe(1);
    advance(3_900);
    expect(await w.drain()).toBe(0);
    advance(200);
    expect(await w.drain()).toBe(1);
    expect(seen).toEqual(["third time"]);
    expect(await statusOf()).toEqual([{ status: "done", attempts: 3, last_error: null }]);
  });

  it("jobs: jobs of a mergeable kind claimed together run as one call; each fails and is retried on its own count", async () => {
    const calls: string[][] = [];
    let failing = true;
    const batched = defineJob({
      id: "test.batched",
      version: 1,
      payload: z.object({ names: z.array(z.string()) }),
      maxAttempts: 3,
      merge: (payloads) => ({ names: payloads.flatMap((p) => p.names) }),
      async handle(_ctx, payload) {
        calls.push([...payload.names].sort());
        if (failing) throw new Error("the set failed");
      },
    });
    const seen: string[] = [];
    const single = greet(seen);
    await enqueueJob(handle.db, batched, { names: ["a", "b"] });
    await enqueueJob(handle.db, batched, { names: ["c"] });
    await enqueueJob(handle.db, single, { name: "alone" });
    const w = worker([batched, single]);
    expect(await w.drain()).toBe(3);
    // One call for the two mergeable jobs; the other kind ran as usual.
    expect(calls).toEqual([["a", "b", "c"]]);
    expect(seen).toEqual(["alone"]);
    const rows = () =>
      handle.db
        .selectFrom("jobs")
        .select(["status", "attempts", "last_error"])
        .where("kind", "=", "test.batched")
        .execute();
    expect(await rows()).toEqual([
      { status: "pending", attempts: 1, last_error: "the set failed" },
      { status: "pending", attempts: 1, last_error: "the set failed" },
    ]);
    failing = false;
    advance(60_000);
    expect(await w.drain()).toBe(2);
    expect(calls).toEqual([
      ["a", "b", "c"],
      ["a", "b", "c"],
    ]);
    expect(await rows()).toEqual([
      { status: "done", attempts: 2, last_error: null },
      { status: "done", attempts: 2, last_error: null },
    ]);
  });

  it("jobs: a job that keeps failing is parked with its error and not run again", async () => {
    const job = greet([], () => true);
    await enqueueJob(handle.db, job, { name: "doomed" });
    const w = worker([job]);
    for (let i = 0; i < 5; i++) {
      await w.drain();
      advance(60_000);
    }
    expect(await statusOf()).toEqual([{ status: "parked", attempts: 3, last_error: "attempt 3 failed" }]);
  });

  it("jobs: a job whose worker died is run again once its lease runs out, not before", async () => {
    const seen: string[] = [];
    let release: () => void = () => undefined;
    const hanging = defineJob({
      id: "test.greet",
      version: 1,
      payload: z.object({ name: z.string() }),
      handle: () => new Promise<void>((resolve) => (release = resolve)),
    });
    await enqueueJob(handle.db, hanging, { name: "survivor" });
    // The first worker claims the job and never finishes it (as if killed mid-run).
    const dying = worker([hanging], { leaseMs: 30_000 });
    const stuck = dying.runOnce();
    await expect.poll(async () => (await statusOf())[0]?.status).toBe("running");

    const rescuer = worker([greet(seen)], { leaseMs: 30_000 });
    expect(await rescuer.drain()).toBe(0);
    advance(30_001);
    expect(await rescuer.drain()).toBe(1);
    expect(seen).toEqual(["survivor"]);
    // The dead worker's late outcome does not overwrite the rescuer's.
    release();
    await stuck;
    expect(await statusOf()).toEqual([{ status: "done", attempts: 2, last_error: null }]);
  });

  it("jobs: unknown kinds, other versions and invalid payloads are parked with the reason", async () => {
    const now = clock.toISOString();
    const row = (id: string, kindName: string, version: number, payload: string) => ({
      id,
      kind: kindName,
      version,
      payload,
      status: "pending" as const,
      run_after: now,
      locked_until: null,
      last_error: null,
      dedupe_key: null,
      created_at: now,
      updated_at: now,
    });
    await handle.db
      .insertInto("jobs")
      .values([
        row("00000000-0000-4000-8000-000000000001", "test.unknown", 1, "{}"),
        row("00000000-0000-4000-8000-000000000002", "test.greet", 2, '{"name":"x"}'),
        row("00000000-0000-4000-8000-000000000003", "test.greet", 1, '{"name":7}'),
      ])
      .execute();
    await worker([greet([])]).drain();
    const rows = await handle.db
      .selectFrom("jobs")
      .select(["id", "status", "last_error"])
      .orderBy("id")
      .execute();
    expect(rows.map((r) => r.status)).toEqual(["parked", "parked", "parked"]);
    expect(rows[0]?.last_error).toMatch(/No handler for job kind "test.unknown"/);
    expect(rows[1]?.last_error).toMatch(/version 2; this server handles 1/);
    expect(rows[2]?.last_error).toMatch(/Invalid payload/);
  });

  it("jobs: several workers share the queue; every job runs exactly once", async () => {
    const runs = new Map<string, number>();
    const job = defineJob({
      id: "test.count",
      version: 1,
      payload: z.object({ n: z.number() }),
      async handle(_ctx, { n }) {
        // Yield so the workers' claims interleave.
        await new Promise((resolve) => setTimeout(resolve, 1));
        runs.set(String(n), (runs.get(String(n)) ?? 0) + 1);
      },
    });
    for (let n = 0; n < 60; n++) await enqueueJob(handle.db, job, { n });
    const pool = [1, 2, 3].map(() => worker([job], { batchSize: 4 }));
    const counts = await Promise.all(pool.map((w) => w.drain()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(60);
    expect(runs.size).toBe(60);
    expect([...runs.values()].every((c) => c === 1)).toBe(true);
  });

  it("jobs: a started worker runs a job as soon as its action commits, and old done jobs are pruned", async () => {
    const seen: string[] = [];
    const job = greet(seen);
    // Polling alone would take a minute: the commit's wake-up on the bus is what runs it.
    const w = worker([job], { pollMs: 60_000, keepDoneMs: 1_000 });
    w.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await runAction({ db: handle.db, bus }, ({ enqueue }) => enqueue(job, { name: "woken" }));
    await expect.poll(() => seen, { timeout: 2_000 }).toEqual(["woken"]);
    await w.stop();
    advance(11 * 60_000);
    await worker([job], { keepDoneMs: 1_000 }).runOnce();
    expect(await statusOf()).toEqual([]);
  });

  it("jobs: a job enqueued for a moment later runs then, not at the next poll", async () => {
    const seen: string[] = [];
    const job = greet(seen);
    // Real time here: the job is due in 200 ms; polling alone would take a minute.
    const w = worker([job], { pollMs: 60_000, now: () => new Date() });
    w.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const runAfter = new Date(Date.now() + 200);
    await runAction({ db: handle.db, bus }, ({ enqueue }) => enqueue(job, { name: "later" }, { runAfter }));
    expect(seen).toEqual([]);
    await expect.poll(() => seen, { timeout: 3_000 }).toEqual(["later"]);
    await w.stop();
  });
});
