import type { Database } from "@parley/db";
import { type Kysely, sql, type Transaction } from "kysely";

/** Most actions committed together: a group holds the one connection until its commit. */
const MAX_GROUP = 100;

interface Entry {
  body: (tx: Transaction<Database>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit for SQLite: actions that arrive while a transaction is being written are run
 * together in the next one, each inside its own savepoint, and committed together. SQLite has
 * one writer, and each commit writes its pages to the WAL on the event loop, then waits for a
 * sync of the disk (packages/db's WalSyncer), so 500 people joining a room at once would
 * otherwise queue 500 commits one behind the other. An
 * action that fails is rolled back to its savepoint alone and gets its own error; the others
 * commit. Nobody's promise settles before the commit: an action is acknowledged only once it
 * is durable, as before.
 *
 * At low load an action waits only for the end of the current turn of the event loop.
 * PostgreSQL does not need this (many connections, and its own WAL group commit).
 */
export class GroupCommitter {
  private queue: Entry[] = [];
  private running = false;

  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Runs `body` in the next group. `gathered`: the caller already collected a batch in this
   * turn of the event loop (the send pipeline), so if no group is pending it starts at once
   * instead of waiting for the turn to end.
   */
  run<T>(body: (tx: Transaction<Database>) => Promise<T>, gathered = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ body, resolve: resolve as (value: unknown) => void, reject });
      if (!this.running) {
        this.running = true;
        // Better-sqlite3 is synchronous: nothing else runs while a transaction is written, so
        // a group can only gather what arrives before it starts. Waiting for the end of this
        // turn of the event loop lets every request read in this turn (a burst of joins) join.
        if (gathered) void this.drain();
        else setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.commitGroup(this.queue.splice(0, MAX_GROUP));
    } finally {
      this.running = false;
    }
  }

  private async commitGroup(group: Entry[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await this.db.transaction().execute(async (tx) => {
        // Alone, an action needs no savepoint: its failure rolls the transaction back.
        if (group.length === 1) return [{ ok: true, value: await (group[0] as Entry).body(tx) }];
        const results: Outcome[] = [];
        for (const entry of group) {
          await sql`savepoint action`.execute(tx);
          try {
            const value = await entry.body(tx);
            await sql`release action`.execute(tx);
            results.push({ ok: true, value });
          } catch (error) {
            // If SQLite already ended the transaction (disk full, I/O error) this throws too,
            // and the whole group fails below: nothing of it was committed.
            await sql`rollback to action`.execute(tx);
            await sql`release action`.execute(tx);
            results.push({ ok: false, error });
          }
        }
        return results;
      });
    } catch (error) {
      // The commit (or the transaction) failed: none of the group is durable.
      for (const entry of group) entry.reject(error);
      return;
    }
    group.forEach((entry, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.ok) entry.resolve(outcome.value);
      else entry.reject(outcome.error);
    });
  }
}

const committers = new WeakMap<Kysely<Database>, GroupCommitter>();

/** The group committer of a SQLite handle (one per database, shared by every caller). */
export function groupCommitterFor(db: Kysely<Database>): GroupCommitter {
  let committer = committers.get(db);
  if (!committer) {
    committer = new GroupCommitter(db);
    committers.set(db, committer);
  }
  return committer;
}
