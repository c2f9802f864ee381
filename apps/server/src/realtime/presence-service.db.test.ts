import { randomUUID } from "node:crypto";
import { connectDb, type DbHandle, migrateToLatest } from "@parley/db";
import { type TestDatabase, tempPostgres, tempSqlite } from "@parley/db/testing";
import type { UserPresence } from "@parley/protocol";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../testing/test-server";
import { createInProcessBus, presenceTopic } from "./bus";
import { createMemoryPresenceTracker } from "./memory-presence-tracker";
import { PresenceService } from "./presence-service";

describe.each(DB_KINDS)("presence: the service (%s)", (kind) => {
  let database: TestDatabase;
  let handle: DbHandle;
  const log = pino({ level: "silent" });

  beforeAll(async () => {
    database = kind === "sqlite" ? tempSqlite() : await tempPostgres();
    handle = connectDb(database.options);
    await migrateToLatest(handle);
  });
  afterAll(async () => {
    await handle?.close();
    await database?.dispose();
  });

  async function person(): Promise<string> {
    const id = randomUUID();
    await handle.db
      .insertInto("users")
      .values({
        id,
        email: `${id}@example.test`,
        display_name: "Ana",
        password_hash: "x",
        created_at: new Date().toISOString(),
      })
      .execute();
    return id;
  }

  /** A service on a fake clock, and every presence it publishes about `userId`. */
  function setUp(userId: string) {
    let clock = Date.parse("2026-11-24T12:00:00.000Z");
    const bus = createInProcessBus(() => undefined);
    const heard: UserPresence[] = [];
    bus.subscribe(presenceTopic(userId), (event) => {
      if (event.type === "presence") heard.push(event.presence);
    });
    const service = new PresenceService({
      db: handle.db,
      bus,
      log,
      tracker: createMemoryPresenceTracker({ ttlMs: 1_000, now: () => clock }),
      sweepEveryMs: 10,
      now: () => new Date(clock),
    });
    return { service, heard, advance: (ms: number) => (clock += ms) };
  }

  it("presence: changes made in one turn are published in that order, with last seen when offline", async () => {
    const userId = await person();
    const { service, heard } = setUp(userId);
    service.set(userId, "tab", "active");
    service.set(userId, "tab", "idle");
    service.remove(userId, "tab");
    service.set(userId, "tab2", "active");
    await service.stop();
    expect(heard.map((p) => p.status)).toEqual(["online", "away", "offline", "online"]);
    expect(heard[2]?.lastSeenAt).toBe("2026-11-24T12:00:00.000Z");
    expect(heard[3]?.lastSeenAt).toBeNull();
  });

  it("presence: a connection whose node stops renewing it expires, and its person goes offline", async () => {
    const userId = await person();
    const { service, heard, advance } = setUp(userId);
    service.set(userId, "on-a-dead-node", "active");
    service.start();
    await expect.poll(() => heard.map((p) => p.status)).toEqual(["online"]);
    advance(1_500);
    await expect.poll(() => heard.map((p) => p.status)).toEqual(["online", "offline"]);
    await service.stop();
    const [snapshot] = await service.snapshot([userId]);
    expect(snapshot).toEqual({ userId, status: "offline", lastSeenAt: "2026-11-24T12:00:01.500Z" });
    const row = await handle.db
      .selectFrom("users")
      .select("last_seen_at")
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    expect(row.last_seen_at).toBe("2026-11-24T12:00:01.500Z");
  });

  it("presence: a snapshot says online or away without a last seen, unknown ids offline", async () => {
    const userId = await person();
    const { service } = setUp(userId);
    service.set(userId, "tab", "idle");
    const stranger = randomUUID();
    expect(await service.snapshot([userId, stranger])).toEqual([
      { userId, status: "away", lastSeenAt: null },
      { userId: stranger, status: "offline", lastSeenAt: null },
    ]);
    await service.stop();
  });
});
