// Run as its own process by durable-sqlite-driver.test.ts: a program whose only work left is
// closing the database (nothing else keeps its event loop alive) must still finish closing.
import { Kysely, sql } from "kysely";
import { sqliteDialect } from "./connect";

const file = process.argv[2];
if (!file) throw new Error("usage: close-alone.fixture.ts <database file>");
const db = new Kysely<unknown>({ dialect: sqliteDialect(file) });
await sql`create table t (n integer)`.execute(db);
await sql`insert into t values (1)`.execute(db);
await db.destroy();
console.log("closed");
