import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, type DurableSqliteDialect, sqliteDialect } from "@parley/db";
import { heldDisk } from "@parley/db/testing";
import { Kysely, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GroupCommitter } from "./group-commit";

/** SQLite on a temp file; its WAL syncer numbers every commit. */
function open(file: string) {
  const dialect = sqliteDialect(file) as DurableSqliteDialect;
  let base = 0;
  const counter = {
    get commits() {
      return dialect.syncer.newest - base;
    },
    set commits(n: number) {
      base = dialect.syncer.newest - n;
    },
  };
  return { db: new Kysely<Database>({ dialect }), counter };
}

describe("db: group commit (SQLite)", () => {
  let dir: string;
  let db: Kysely<Database>;
  let counter: { commits: number };
  const rows = async (handle = db) =>
    (await sql<{ n: number }>`select n from t order by n`.execute(handle)).rows.map((r) => r.n);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "parley-group-commit-"));
    ({ db, counter } = open(join(dir, "g.db")));
    await sql`create table parent (id integer primary key)`.execute(db);
    await sql`create table t (n integer primary key,
      parent_id integer references parent (id) deferrable initially deferred)`.execute(db);
    counter.commits = 0;
  });

  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (n: number) => (tx: Kysely<Database>) => sql`insert into t (n) values (${n})`.execute(tx);

  it("db: actions that arrive while one is written share the next commit, and each gets its own result", async () => {
    const committer = new GroupCommitter(db);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        committer.run(async (tx) => {
          await insert(i)(tx);
          return i * 10;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i * 10));
    expect(await rows()).toEqual(Array.from({ length: 20 }, (_, i) => i));
    // All arrived in one turn of the event loop: one transaction, one commit.
    expect(counter.commits).toBe(1);
  });

  it("db: a batch the caller already gathered starts at once instead of waiting for the turn to end", async () => {
    const committer = new GroupCommitter(db);
    // Not gathered: both wait for the end of this turn and share one commit.
    await Promise.all([committer.run(insert(1)), committer.run(insert(2))]);
    expect(counter.commits).toBe(1);
    // Gathered: it starts now, alone; what arrives after it waits for the next group.
    await Promise.all([committer.run(insert(3), { gathered: true }), committer.run(insert(4))]);
    expect(counter.commits).toBe(3);
    expect(await rows()).toEqual([1, 2, 3, 4]);
  });

  it("db: an action that fails is rolled back alone; the others of its group commit", async () => {
    const committer = new GroupCommitter(db);
    const outcomes = await Promise.allSettled([
      committer.run(insert(1)),
      committer.run(insert(2)),
      committer.run(async (tx) => {
        await insert(3)(tx);
        throw new Error("third refused");
      }),
      committer.run(insert(2)), // a unique violation: SQLite undoes the statement
      committer.run(insert(5)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "rejected",
      "rejected",
      "fulfilled",
    ]);
    expect((outcomes[2] as PromiseRejectedResult).reason).toEqual(new Error("third refused"));
    expect(await rows()).toEqual([1, 2, 5]);
  });

  it("db: an action settles only once it is committed: another connection already sees it", async () => {
    const committer = new GroupCommitter(db);
    const other = open(join(dir, "g.db")).db;
    try {
      const seen = await Promise.all([1, 2, 3].map((n) => committer.run(insert(n)).then(() => rows(other))));
      for (const [i, list] of seen.entries()) expect(list).toContain(i + 1);
    } finally {
      await other.destroy();
    }
  });

  it("db: the next group is written while the disk syncs the last; callers hear of the commit first, and settle in commit order", async () => {
    // A database whose fdatasync is held until released, so a sync can be kept in flight.
    const disk = heldDisk();
    const slow = new Kysely<Database>({ dialect: sqliteDialect(join(dir, "held.db"), { sync: disk.sync }) });
    try {
      await sql`create table t (n integer primary key)`.execute(slow);
      disk.hold();
      const committer = new GroupCommitter(slow);
      const events: string[] = [];
      const first = committer
        .run(insert(1), { onCommitted: (ok) => events.push(`first committed ${ok}`) })
        .then(() => events.push("first settled"));
      await new Promise((resolve) => setTimeout(resolve, 20));
      // The first group's sync is held; a second group still runs and commits meanwhile.
      const second = committer
        .run(
          async (tx) => {
            events.push("second ran");
            await insert(2)(tx);
          },
          { onCommitted: (ok) => events.push(`second committed ${ok}`) },
        )
        .then(() => events.push("second settled"));
      const failing = committer.run(() => Promise.reject(new Error("refused")), {
        onCommitted: (ok) => events.push(`failing committed ${ok}`),
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(events).toEqual([
        "first committed true",
        "second ran",
        "second committed true",
        "failing committed false",
      ]);
      disk.letGo();
      await Promise.all([first, second, failing.catch(() => {})]);
      expect(events.slice(4)).toEqual(["first settled", "second settled"]);
      await expect(failing).rejects.toThrow("refused");
    } finally {
      disk.letGo();
      await slow.destroy();
    }
  });

  it("db: when the commit itself fails, every action of the group fails and nothing is kept", async () => {
    const committer = new GroupCommitter(db);
    // The first action holds its transaction open until the other three have queued behind it.
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = committer.run(async (tx) => {
      await insert(0)(tx);
      await gate;
    });
    await new Promise((resolve) => setImmediate(resolve)); // its group has started
    const group = Promise.allSettled([
      committer.run(insert(1)),
      committer.run(insert(2)),
      // A deferred foreign key is checked at COMMIT: the whole group's commit fails.
      committer.run((tx) => sql`insert into t (n, parent_id) values (3, 99)`.execute(tx)),
    ]);
    release();
    await first;
    expect((await group).map((o) => o.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(await rows()).toEqual([0]);
    // The committer is not stuck: the next action commits.
    await committer.run(insert(7));
    expect(await rows()).toEqual([0, 7]);
  });
});
