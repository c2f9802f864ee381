import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { withStatementCache } from "./statement-cache";

describe("db: statement cache", () => {
  it("db: returns the same prepared statement for the same SQL and evicts the least recent", () => {
    const raw = new SQLite(":memory:");
    const db = withStatementCache(raw, 2);
    const a = db.prepare("select 1 as x");
    expect(db.prepare("select 1 as x")).toBe(a);
    const b = db.prepare("select 2 as x");
    db.prepare("select 1 as x"); // touch a: b is now the oldest
    db.prepare("select 3 as x"); // evicts b
    expect(db.prepare("select 1 as x")).toBe(a);
    expect(db.prepare("select 2 as x")).not.toBe(b);
    expect((a as unknown as SQLite.Statement).get()).toEqual({ x: 1 });
    db.close();
  });
});
