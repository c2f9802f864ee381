import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, sqliteDialect } from "@parley/db";
import { heldDisk } from "@parley/db/testing";
import { API } from "@parley/protocol";
import { Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type ParleyApp } from "../app";
import { testConfig } from "../testing/test-server";

describe("health: the check asks the database", () => {
  let dir: string;
  let app: ParleyApp;
  let url: string;
  const disk = heldDisk();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "parley-health-"));
    const db = new Kysely<Database>({
      dialect: sqliteDialect(join(dir, "parley.sqlite"), { sync: disk.sync }),
    });
    app = await buildApp(testConfig(dir), { dbHandle: { db, kind: "sqlite", close: () => db.destroy() } });
    url = await app.listen();
  });
  afterAll(async () => {
    await app?.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it("health: a node whose database works says ok", async () => {
    const res = await fetch(url + API.health);
    expect(res.status).toBe(200);
    await expect(res.json()).resolves.toEqual({ ok: true, db: "sqlite" });
  });

  it("health: once the disk failed to store a write, the node says it cannot serve (503)", async () => {
    disk.fail();
    // Any write now fails: its commit cannot be made durable.
    await expect(sql`update users set display_name = display_name`.execute(app.ctx.db)).rejects.toThrow(
      /Could not sync the SQLite WAL/,
    );
    const res = await fetch(url + API.health);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: { code: "DATABASE_UNAVAILABLE", message: "The server cannot use its database right now" },
    });
  });
});
