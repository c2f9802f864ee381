import { type fdatasync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { heldDisk } from "./testing";
import { WalSyncer } from "./wal-syncer";

describe("db: WAL syncer", () => {
  let dir: string;
  let wal: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "parley-wal-syncer-"));
    wal = join(dir, "x.sqlite-wal");
    writeFileSync(wal, "frames");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const heldSync = () => {
    const disk = heldDisk();
    disk.hold();
    return disk;
  };

  it("db: a commit is durable only after a sync that began after it", async () => {
    const disk = heldSync();
    const syncer = new WalSyncer(wal, disk.sync);
    const first = syncer.committed();
    let durable = false;
    const waiting = syncer.durable(first).then(() => {
      durable = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(durable).toBe(false);
    expect(disk.pending()).toBe(1);
    disk.release();
    await waiting;
    expect(syncer.syncedUpTo).toBe(first);
    // Nothing new was committed: no second sync.
    await syncer.durable(first);
    expect(syncer.syncs).toBe(1);
    syncer.close();
  });

  it("db: commits made while a sync runs share the next one, and waiters resolve in order", async () => {
    const disk = heldSync();
    const syncer = new WalSyncer(wal, disk.sync);
    const resolved: number[] = [];
    const wait = (n: number) => syncer.durable(n).then(() => resolved.push(n));
    const a = wait(syncer.committed());
    // In flight now; these three come after it started, so it cannot cover them.
    const later = [wait(syncer.committed()), wait(syncer.committed()), wait(syncer.committed())];
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(disk.pending()).toBe(1);
    disk.release();
    await a;
    expect(resolved).toEqual([1]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(disk.pending()).toBe(1);
    disk.release();
    await Promise.all(later);
    expect(resolved).toEqual([1, 2, 3, 4]);
    expect(syncer.syncs).toBe(2);
    syncer.close();
  });

  it("db: a failed sync fails every waiter, then and later (nothing after it can be trusted)", async () => {
    const failing = ((_fd: number, done: (error: NodeJS.ErrnoException | null) => void) => {
      const error: NodeJS.ErrnoException = new Error("EIO: i/o error, fdatasync");
      error.code = "EIO";
      setImmediate(() => done(error));
    }) as typeof fdatasync;
    const syncer = new WalSyncer(wal, failing);
    await expect(syncer.durable(syncer.committed())).rejects.toThrow(/Could not sync the SQLite WAL.*EIO/);
    await expect(syncer.durable(syncer.committed())).rejects.toThrow(/EIO/);
    syncer.close();
  });

  it("db: a WAL that cannot be opened fails the wait instead of pretending", async () => {
    const syncer = new WalSyncer(join(dir, "missing", "x.sqlite-wal"));
    await expect(syncer.durable(syncer.committed())).rejects.toThrow(/ENOENT/);
  });
});
