import type { Database } from "@parley/db";
import { type Kysely, sql, type Transaction } from "kysely";

/** Most actions committed together: a group holds the one connection until its commit. */
const MAX_GROUP = 100;

export interface GroupOptions {
  /**
   * The caller already collected a batch in this turn of the event loop (the send pipeline),
   * so if no group is pending it starts at once instead of waiting for the turn to end.
   */
  gathered?: boolean;
  /**
   * Told when the group's COMMIT has run — before it is durable — whether this action's
   * writes are in it (false: the action failed, or the commit did). The send pipeline starts
   * its next batch then, so batches queue behind the disk's sync instead of waiting for it.
   */
  onCommitted?: (ok: boolean) => void;
}

interface Entry {
  body: (tx: Transaction<Database>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  onCommitted?: (ok: boolean) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit for SQLite: actions that arrive while a transaction is being written are run
 * together in the next one, each inside its own savepoint, and committed together. SQLite has
 * one writer, and each commit writes its pages to the WAL on the event loop, then waits for a
 * sync of the disk (packages/db's WalSyncer), so 500 people joining a room at once would
 * otherwise queue 500 commits one behind the other. An action that fails is rolled back to
 * its savepoint alone and gets its own error; the others commit. Nobody's promise settles
 * before the commit is durable: an action is acknowledged only once the disk holds it.
 *
 * The next group starts as soon as this one has committed: its statements run while the disk
 * syncs the previous commit (the connection is free by then; see durable-sqlite-driver.ts).
 * Groups settle in commit order, because each sync covers every commit before it.
 *
 * At low load an action waits only for the end of the current turn of the event loop.
 * PostgreSQL does not need this (many connections, and its own WAL group commit).
 */
export class GroupCommitter {
  private queue: Entry[] = [];
  private running = false;

  constructor(private readonly db: Kysely<Database>) {}

  /** Runs `body` in the next group; resolves with its result once the group is durable. */
  run<T>(body: (tx: Transaction<Database>) => Promise<T>, options: GroupOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        body,
        resolve: resolve as (value: unknown) => void,
        reject,
        onCommitted: options.onCommitted,
      });
      if (!this.running) {
        this.running = true;
        // Better-sqlite3 is synchronous: nothing else runs while a transaction is written, so
        // a group can only gather what arrives before it starts. Waiting for the end of this
        // turn of the event loop lets every request read in this turn (a burst of joins) join.
        if (options.gathered) void this.drain();
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

  /** Resolves once the group has committed (or failed); its actions settle once it is durable. */
  private commitGroup(group: Entry[]): Promise<void> {
    return new Promise<void>((committed) => {
      const told = (ok: (entry: Entry, i: number) => boolean) => {
        group.forEach((entry, i) => {
          const onCommitted = entry.onCommitted;
          entry.onCommitted = undefined;
          onCommitted?.(ok(entry, i));
        });
        committed();
      };
      // Kysely's transaction() would hand the group back only after the sync (the driver
      // waits as it releases the connection); written out here, the group can say when its
      // COMMIT has run. The single-connection Kysely is used as the transaction it is.
      const durable = this.db.connection().execute(async (connection) => {
        const tx = connection as unknown as Transaction<Database>;
        await sql`begin`.execute(tx);
        let outcomes: Outcome[];
        try {
          outcomes = await runBodies(tx, group);
          await sql`commit`.execute(tx);
        } catch (error) {
          // If SQLite already ended the transaction (a failed COMMIT, disk full), this fails
          // too; the error that matters is the first.
          await sql`rollback`.execute(tx).catch(() => {});
          throw error;
        }
        told((_, i) => (outcomes[i] as Outcome).ok);
        return outcomes;
      });
      durable.then(
        (outcomes) => {
          group.forEach((entry, i) => {
            const outcome = outcomes[i] as Outcome;
            if (outcome.ok) entry.resolve(outcome.value);
            else entry.reject(outcome.error);
          });
        },
        (error) => {
          // The transaction, its commit or the sync after it failed: none of the group is
          // durable (told is a no-op if the commit had already been announced).
          told(() => false);
          for (const entry of group) entry.reject(error);
        },
      );
    });
  }
}

/** Each action in its own savepoint, so a failing one is undone alone. */
async function runBodies(tx: Transaction<Database>, group: Entry[]): Promise<Outcome[]> {
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
      // If SQLite already ended the transaction (disk full, I/O error) this throws too, and
      // the whole group fails: nothing of it was committed.
      await sql`rollback to action`.execute(tx);
      await sql`release action`.execute(tx);
      results.push({ ok: false, error });
    }
  }
  return results;
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
