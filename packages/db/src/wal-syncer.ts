import { closeSync, fdatasync, fsyncSync, openSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Makes SQLite's commits durable off the event loop. The connection runs with
 * `synchronous=NORMAL`, so a commit only writes its frames to the WAL file (the OS holds them:
 * they survive a crash of the process, not of the machine). Each commit takes a number here;
 * `durable(n)` resolves once an `fdatasync` of the WAL that began after commit n has finished.
 * The sync runs on libuv's thread pool, so while the disk works the event loop goes on with
 * socket writes, parsing and the next transaction. Syncs are coalesced: one is in flight at a
 * time, and every commit made meanwhile is covered by the next one (group commit at the disk).
 *
 * Why this is as durable as `synchronous=FULL` for what we acknowledge: FULL syncs the WAL at
 * every commit; here every caller who would act on a commit (acknowledge it, publish it, hand
 * out rows that may include it) waits for a sync that covers it. Frames of the WAL are the
 * only place a commit lives until a checkpoint copies it into the database file, and a
 * checkpoint syncs the WAL before and the database file after copying. A commit that was
 * written but not yet synced when the power went is one nobody was told about.
 *
 * If a sync fails (an I/O error), nothing later can be trusted to be on disk — Linux may drop
 * the dirty pages and report success to the next fsync — so the syncer stays failed: every
 * waiter, now and later, gets the error (PostgreSQL panics for the same reason). Restarting
 * the process recovers from what the disk really holds.
 */
export class WalSyncer {
  private fd: number | null = null;
  /** Commits counted so far. */
  private written = 0;
  /** Every commit up to this one is on disk. */
  private synced = 0;
  private syncing = false;
  private failure: Error | null = null;
  private waiters: Array<{ upTo: number; resolve: () => void; reject: (error: Error) => void }> = [];
  /** Syncs started, for tests and the bench. */
  syncs = 0;

  constructor(
    private readonly walPath: string,
    /** The system call; tests slow it down or make it fail. */
    private readonly sync: typeof fdatasync = fdatasync,
  ) {}

  /** Counts a commit; returns its number. */
  committed(): number {
    this.written += 1;
    return this.written;
  }

  /** The newest commit: what a read made now may have seen. */
  get newest(): number {
    return this.written;
  }

  /** Every commit up to this one is on disk. */
  get syncedUpTo(): number {
    return this.synced;
  }

  /** Resolves once commit `n` (and every one before it) is on disk. */
  durable(n: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (n <= this.synced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ upTo: n, resolve, reject });
      this.startSync();
    });
  }

  /**
   * Opens the WAL now if it exists (an existing database opened in WAL mode), so the first
   * commit under load does not pay for opening it and syncing its directory. A new database
   * has no WAL until its first write (the migrations, at start-up): it is opened then.
   */
  openIfPresent(): void {
    try {
      this.walFd();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }

  /** Closes the WAL's file descriptor (after the last wait). */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private startSync(): void {
    if (this.syncing || this.waiters.length === 0) return;
    let fd: number;
    try {
      fd = this.walFd();
    } catch (error) {
      this.fail(error);
      return;
    }
    this.syncing = true;
    this.syncs += 1;
    const covers = this.written;
    this.sync(fd, (error) => {
      this.syncing = false;
      if (error) {
        this.fail(error);
        return;
      }
      this.synced = covers;
      const still: typeof this.waiters = [];
      for (const w of this.waiters) {
        if (w.upTo <= covers) w.resolve();
        else still.push(w);
      }
      this.waiters = still;
      // Commits made while this sync ran need another.
      this.startSync();
    });
  }

  private fail(error: unknown): void {
    this.failure = new Error(`Could not sync the SQLite WAL to disk: ${String(error)}`, { cause: error });
    for (const w of this.waiters) w.reject(this.failure);
    this.waiters = [];
  }

  /**
   * The WAL exists once the database is in WAL mode and has been read; SQLite keeps the same
   * file (reused from its start after a checkpoint, truncated in place, never replaced) while
   * any connection is open, so one descriptor serves for the process's life. Its directory
   * entry is synced once, so the file itself survives a power cut.
   */
  private walFd(): number {
    if (this.fd === null) {
      this.fd = openSync(this.walPath, "r+");
      const dir = openSync(dirname(this.walPath), "r");
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    }
    return this.fd;
  }
}
