import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Generated, Kysely, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isUniqueViolation } from "./errors";
import { SqliteThreadDialect } from "./sqlite-thread-driver";

interface Schema {
  t: { id: Generated<number>; name: string; data: Uint8Array | null };
}

describe("db: SQLite on its own thread", () => {
  let dir: string;
  let db: Kysely<Schema>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "parley-sqlite-thread-"));
    db = new Kysely<Schema>({ dialect: new SqliteThreadDialect(join(dir, "t.db")) });
    await sql`create table t (id integer primary key, name text not null unique, data blob)`.execute(db);
  });

  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("db: reads, writes, returning and affected-row counts come back from the thread", async () => {
    const inserted = await db.insertInto("t").values({ name: "a", data: null }).executeTakeFirstOrThrow();
    expect(inserted.insertId).toBe(1n);
    await db.insertInto("t").values({ name: "b", data: null }).execute();
    const updated = await db
      .updateTable("t")
      .set({ name: "c" })
      .where("name", "=", "b")
      .returning("id")
      .execute();
    expect(updated).toEqual([{ id: 2 }]);
    const deleted = await db.deleteFrom("t").where("id", "=", 1).executeTakeFirst();
    expect(deleted.numDeletedRows).toBe(1n);
    expect(await db.selectFrom("t").select(["id", "name"]).execute()).toEqual([{ id: 2, name: "c" }]);
  });

  it("db: the pragmas are set on the thread's connection (WAL, full sync, foreign keys)", async () => {
    const { rows } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    expect(rows[0]?.journal_mode).toBe("wal");
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
    expect(sync.rows[0]?.synchronous).toBe(2);
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    expect(fk.rows[0]?.foreign_keys).toBe(1);
  });

  it("db: blobs go in and come out as bytes", async () => {
    await db
      .insertInto("t")
      .values({ name: "bin", data: Buffer.from([1, 2, 255]) })
      .execute();
    const row = await db.selectFrom("t").select("data").executeTakeFirstOrThrow();
    expect([...(row.data ?? [])]).toEqual([1, 2, 255]);
  });

  it("db: an error keeps SQLite's code and this thread's stack, and the connection stays usable", async () => {
    await db.insertInto("t").values({ name: "a", data: null }).execute();
    const error = await db
      .insertInto("t")
      .values({ name: "a", data: null })
      .execute()
      .then(
        () => null,
        (e: unknown) => e as Error,
      );
    expect(isUniqueViolation(error)).toBe(true);
    expect(error?.stack).toContain("sqlite-thread-driver.test.ts");
    await expect(sql`select * from no_such_table`.execute(db)).rejects.toThrow(/no such table/);
    expect(await db.selectFrom("t").select("name").execute()).toEqual([{ name: "a" }]);
  });

  it("db: a failed transaction is rolled back; one that commits is visible", async () => {
    await expect(
      db.transaction().execute(async (tx) => {
        await tx.insertInto("t").values({ name: "lost", data: null }).execute();
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    await db.transaction().execute(async (tx) => {
      await tx.insertInto("t").values({ name: "kept", data: null }).execute();
    });
    expect(await db.selectFrom("t").select("name").execute()).toEqual([{ name: "kept" }]);
  });

  it("db: queries made while a transaction runs wait for it (one connection, in order)", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const order: string[] = [];
    const tx = db.transaction().execute(async (t) => {
      await t.insertInto("t").values({ name: "in-tx", data: null }).execute();
      await gate;
      order.push("tx done");
    });
    const read = db
      .selectFrom("t")
      .select("name")
      .execute()
      .then((rows) => {
        order.push("read");
        return rows;
      });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]);
    release();
    await tx;
    expect(await read).toEqual([{ name: "in-tx" }]);
    expect(order).toEqual(["tx done", "read"]);
  });

  it("db: a file that cannot be opened fails the first query with SQLite's error", async () => {
    const bad = new Kysely<Schema>({ dialect: new SqliteThreadDialect(join(dir, "missing-dir", "x.db")) });
    await expect(sql`select 1`.execute(bad)).rejects.toThrow(/unable to open|directory does not exist/);
    await bad.destroy();
  });

  it("db: after destroy, the thread is gone and queries are refused", async () => {
    const other = new Kysely<Schema>({ dialect: new SqliteThreadDialect(join(dir, "other.db")) });
    await sql`select 1`.execute(other);
    await other.destroy();
    await expect(sql`select 1`.execute(other)).rejects.toThrow();
  });
});
