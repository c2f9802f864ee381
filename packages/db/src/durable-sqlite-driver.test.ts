import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Kysely, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sqliteDialect } from "./connect";
import type { DurableSqliteDialect } from "./durable-sqlite-driver";
import { heldDisk } from "./testing";

// biome-ignore lint/suspicious/noExplicitAny: a scratch table, not Parley's schema
type Scratch = any;

describe("db: durable SQLite driver (commits synced off the event loop)", () => {
  let dir: string;
  let file: string;
  let db: Kysely<Scratch>;
  let dialect: DurableSqliteDialect;
  let disk: ReturnType<typeof heldDisk>;

  const tick = () => new Promise((resolve) => setTimeout(resolve, 15));
  const release = () => disk.letGo();
  /** Tracks whether a promise has settled yet. */
  const watch = <T>(promise: Promise<T>) => {
    const state = { done: false, promise };
    void promise.then(
      () => {
        state.done = true;
      },
      () => {
        state.done = true;
      },
    );
    return state;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "parley-durable-"));
    file = join(dir, "d.sqlite");
    disk = heldDisk();
    dialect = sqliteDialect(file, { sync: disk.sync }) as DurableSqliteDialect;
    db = new Kysely<Scratch>({ dialect });
    await sql`create table t (n integer primary key)`.execute(db);
  });

  afterEach(async () => {
    release();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("db: a write is answered only once the WAL holding it is synced", async () => {
    disk.hold();
    const write = watch(db.insertInto("t").values({ n: 1 }).execute());
    await tick();
    expect(write.done).toBe(false);
    release();
    await write.promise;
    expect(dialect.syncer.syncedUpTo).toBe(dialect.syncer.newest);
  });

  it("db: while a commit's sync runs, the next transaction already writes; answers keep commit order", async () => {
    disk.hold();
    const order: string[] = [];
    const first = watch(
      db
        .transaction()
        .execute((tx) => tx.insertInto("t").values({ n: 1 }).execute())
        .then(() => order.push("first")),
    );
    await tick();
    // The first is committed, its sync held: the connection is free for the second.
    const second = watch(
      db
        .transaction()
        .execute(async (tx) => {
          order.push("second ran");
          await tx.insertInto("t").values({ n: 2 }).execute();
        })
        .then(() => order.push("second")),
    );
    await tick();
    expect(order).toEqual(["second ran"]);
    expect(first.done || second.done).toBe(false);
    release();
    // The second commit came after the sync in flight began: it needs one of its own.
    await tick();
    release();
    await Promise.all([first.promise, second.promise]);
    expect(order).toEqual(["second ran", "first", "second"]);
  });

  it("db: a read does not hand out rows the disk may not hold yet", async () => {
    disk.hold();
    const write = watch(db.insertInto("t").values({ n: 7 }).execute());
    await tick();
    const read = watch(db.selectFrom("t").select("n").execute());
    await tick();
    expect(read.done).toBe(false);
    release();
    expect(await read.promise).toEqual([{ n: 7 }]);
    await write.promise;
  });

  it("db: a read with nothing unsynced before it does not wait for the disk", async () => {
    await db.insertInto("t").values({ n: 1 }).execute();
    const syncs = dialect.syncer.syncs;
    disk.hold();
    expect(await db.selectFrom("t").select("n").execute()).toEqual([{ n: 1 }]);
    expect(dialect.syncer.syncs).toBe(syncs);
  });

  it("db: a transaction that fails is rolled back and answered without waiting for a sync", async () => {
    disk.hold();
    await expect(
      db.transaction().execute(async (tx) => {
        await tx.insertInto("t").values({ n: 1 }).execute();
        await tx.insertInto("t").values({ n: 1 }).execute();
      }),
    ).rejects.toThrow(/UNIQUE/);
    release();
    expect(await db.selectFrom("t").select("n").execute()).toEqual([]);
  });

  it("db: the WAL is checkpointed into the database file by the worker, not by the writer", async () => {
    await db
      .insertInto("t")
      .values(Array.from({ length: 2000 }, (_, n) => ({ n })))
      .execute();
    // SQLite's shared WAL index says how far the WAL was copied (nBackfill) out of how many
    // frames it holds (mxFrame); reading it checkpoints nothing itself. The writer's own
    // checkpoint would wait for ~40 MB of WAL: only the worker copies these.
    const walIndex = () => {
      const shm = readFileSync(`${file}-shm`);
      return { mxFrame: shm.readUInt32LE(16), nBackfill: shm.readUInt32LE(96) };
    };
    expect(walIndex().mxFrame).toBeGreaterThan(0);
    await expect
      .poll(() => walIndex().nBackfill === walIndex().mxFrame, { timeout: 3_000, interval: 50 })
      .toBe(true);
  });

  it("db: closing finishes (last checkpoint, last sync) when nothing else keeps the process alive", async () => {
    // The checkpointer's worker is unreferenced while it runs; a process whose only work left
    // was closing the database used to exit mid-close (exit code 13, "closed" never printed).
    const fixture = fileURLToPath(new URL("./close-alone.fixture.ts", import.meta.url));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", fixture, join(dir, "alone.sqlite")],
      { timeout: 20_000 },
    );
    expect(stdout.trim()).toBe("closed");
  });
});
