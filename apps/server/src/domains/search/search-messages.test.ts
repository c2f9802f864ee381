import { connectDb, type Database, migrateToLatest } from "@parley/db";
import { type TestDatabase, tempSqlite } from "@parley/db/testing";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MessageSearch, searchMessages } from "./search-messages";

/**
 * The planner statistics of the search benchmark's history (1,000,000 messages in 50 rooms by
 * 200 people, 20 members a room): rows per table and distinct values per column. SQLite plans
 * by these (sqlite_stat1, which may be written by hand), not by the rows a test holds.
 */
const SHAPE: Record<string, { rows: number; distinct: Record<string, number> }> = {
  messages: {
    rows: 1_000_000,
    distinct: { room_id: 50, seq: 20_000, author_id: 200, thread_root_id: 1 },
  },
  room_members: { rows: 1_000, distinct: { room_id: 50, user_id: 200 } },
  rooms: { rows: 50, distinct: {} },
  users: { rows: 200, distinct: {} },
};

/** sqlite_stat1 for every index of the SHAPE tables: rows, then rows per value of each prefix. */
function writeStatistics(sqlite: SQLite.Database) {
  sqlite.exec("analyze"); // creates sqlite_stat1
  sqlite.exec("delete from sqlite_stat1");
  const insert = sqlite.prepare("insert into sqlite_stat1 (tbl, idx, stat) values (?, ?, ?)");
  for (const [table, { rows, distinct }] of Object.entries(SHAPE)) {
    const indexes = sqlite.prepare(`pragma index_list(${table})`).all() as Array<{ name: string }>;
    for (const { name } of indexes) {
      const columns = sqlite.prepare(`pragma index_info(${name})`).all() as Array<{ name: string }>;
      let keys = 1;
      const perPrefix = columns.map((c) => {
        // A column not listed is unique (ids, client ids, emails).
        keys *= distinct[c.name] ?? rows;
        return Math.max(1, Math.round(rows / Math.min(keys, rows)));
      });
      insert.run(table, name, [rows, ...perPrefix].join(" "));
    }
  }
}

describe("search: SQLite query plan", () => {
  let testDb: TestDatabase;
  let sqlite: SQLite.Database;
  let db: Kysely<Database>;
  const queries: Array<{ sql: string; parameters: readonly unknown[] }> = [];

  beforeAll(async () => {
    testDb = tempSqlite();
    const handle = connectDb(testDb.options);
    await migrateToLatest(handle);
    await handle.close();
    if (testDb.options.kind !== "sqlite") throw new Error("a SQLite test");
    const setup = new SQLite(testDb.options.file);
    writeStatistics(setup);
    setup.close();
    // A fresh connection reads the statistics; the log keeps each query's SQL for EXPLAIN.
    sqlite = new SQLite(testDb.options.file);
    db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: sqlite }),
      log: (event) => {
        if (event.level === "query") queries.push(event.query);
      },
    });
  });
  afterAll(async () => {
    await db?.destroy();
    await testDb?.dispose();
  });

  /** The plan of the query that reads the page of messages, one line per loop, outer first. */
  async function pagePlan(search: Omit<MessageSearch, "limit">): Promise<string[]> {
    queries.length = 0;
    await searchMessages(db, "searcher", { ...search, limit: 20 });
    const page = queries.find((q) => /^select .* from "messages" as "m"/.test(q.sql));
    if (!page) throw new Error("no page query");
    const rows = sqlite.prepare(`explain query plan ${page.sql}`).all(...page.parameters) as Array<{
      detail: string;
    }>;
    return rows.map((r) => r.detail);
  }

  // With the members' rooms or the authors as the outer loop, SQLite reads the same messages
  // through the (room_id, author_id) index one random lookup at a time: 5 s instead of 0.5 s
  // for a 2-letter term on the benchmark's 1M messages.
  it("search: a short term scans messages once, as the outer loop", async () => {
    const plan = await pagePlan({ q: "zq" });
    expect(plan[0]).toBe("SCAN m");
    expect(plan.filter((line) => / m\b/.test(line))).toEqual(["SCAN m"]);
  });

  it("search: an indexed term reads the matching messages by id, as the outer loop", async () => {
    const plan = await pagePlan({ q: "deploy" });
    expect(plan[0]).toMatch(/^SEARCH m USING INDEX \S+ \(id=\?\)$/);
  });

  it("search: a short term in one room reads that room's messages by index", async () => {
    const plan = await pagePlan({ q: "zq", roomId: "room" });
    expect(plan[0]).toMatch(/^SEARCH m USING INDEX \S+ \(room_id=\?\)$/);
  });
});
