import type SQLite from "better-sqlite3";
import {
  CompiledQuery,
  createQueryId,
  type DatabaseConnection,
  type Driver,
  IdentifierNode,
  type QueryCompiler,
  type QueryResult,
  RawNode,
  SqliteDialect,
} from "kysely";
import type { WalCheckpointer } from "./wal-checkpointer";
import type { WalSyncer } from "./wal-syncer";

/** What the driver needs of better-sqlite3 (the statement cache provides `prepare`). */
export interface SqliteHandle {
  prepare(sql: string): SQLite.Statement;
  readonly inTransaction: boolean;
  close(): void;
}

/**
 * Kysely's SQLite driver (one connection behind a mutex, statements run synchronously), with
 * durability through a `WalSyncer` instead of an fsync inside every commit:
 *
 * - A COMMIT, or a statement outside a transaction that may have written (autocommit),
 *   counts as a commit.
 * - A read outside a transaction may have seen any commit so far.
 * - Whoever holds the connection gets its results only once the commits it made or may have
 *   seen are synced — but the connection itself is released first, so the next transaction
 *   runs while the disk syncs this one. Inside a transaction nothing waits: its reads are only
 *   ever exposed after its own commit, whose sync covers everything before it.
 *
 * So no caller ever acts on data the disk does not hold, as with `synchronous=FULL`, while the
 * event loop never waits for the disk.
 */
class DurableSqliteDriver implements Driver {
  private readonly mutex = new ConnectionMutex();
  private readonly connection: DatabaseConnection;
  /** The commit the connection's current holder must see on disk before it has its results. */
  private mustSee = 0;

  constructor(
    private readonly db: SqliteHandle,
    private readonly syncer: WalSyncer,
    private readonly checkpointer: WalCheckpointer,
  ) {
    this.connection = {
      executeQuery: <R>(query: CompiledQuery) => Promise.resolve(this.execute<R>(query)),
      streamQuery: () => {
        throw new Error("Parley's SQLite driver does not stream (statements are cached and reused)");
      },
    };
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.mutex.lock();
    this.mustSee = 0;
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin"));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler["compileQuery"]) {
    await connection.executeQuery(compile(savepointNode("savepoint", name), createQueryId()));
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ) {
    await connection.executeQuery(compile(savepointNode("rollback to", name), createQueryId()));
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler["compileQuery"],
  ) {
    await connection.executeQuery(compile(savepointNode("release", name), createQueryId()));
  }

  async releaseConnection(): Promise<void> {
    const wait = this.mustSee;
    this.mustSee = 0;
    this.mutex.unlock();
    if (wait > 0) await this.syncer.durable(wait);
  }

  async destroy(): Promise<void> {
    await this.checkpointer.stop();
    // Whatever was committed last is synced before the file is closed.
    await this.syncer.durable(this.syncer.newest).catch(() => {});
    this.syncer.close();
    this.db.close();
  }

  private execute<R>(query: CompiledQuery): QueryResult<R> {
    const statement = this.db.prepare(query.sql);
    const inTransaction = this.db.inTransaction;
    const parameters = query.parameters as unknown[];
    let result: QueryResult<R>;
    if (statement.reader) {
      result = { rows: statement.all(parameters) as R[] };
    } else {
      const { changes, lastInsertRowid } = statement.run(parameters);
      result = {
        numAffectedRows: BigInt(changes),
        insertId: BigInt(lastInsertRowid),
        rows: [],
      };
    }
    if (!this.db.inTransaction) {
      // SQLite calls COMMIT read-only (it only says when other statements' writes count), so
      // a commit is told by the transaction it ended; a rollback made nothing to wait for.
      const wrote = inTransaction ? query.sql !== "rollback" : !statement.readonly;
      const seen = wrote ? this.syncer.committed() : this.syncer.newest;
      if (seen > this.mustSee) this.mustSee = seen;
    }
    return result;
  }
}

/** Kysely's SQLite dialect with the durable driver above. */
export class DurableSqliteDialect extends SqliteDialect {
  constructor(
    private readonly handle: SqliteHandle,
    /** Public for tests and diagnostics: how far the disk has caught up. */
    readonly syncer: WalSyncer,
    private readonly checkpointer: WalCheckpointer,
  ) {
    super({ database: handle as unknown as ConstructorParameters<typeof SqliteDialect>[0]["database"] });
  }

  override createDriver(): Driver {
    return new DurableSqliteDriver(this.handle, this.syncer, this.checkpointer);
  }
}

/** As Kysely's own driver writes savepoint commands (the name is sanitised as an identifier). */
function savepointNode(command: string, name: string): RawNode {
  return RawNode.createWithChildren([RawNode.createWithSql(`${command} `), IdentifierNode.create(name)]);
}

/** SQLite has one connection: queries and transactions take turns. */
class ConnectionMutex {
  private held: Promise<void> | undefined;
  private release: (() => void) | undefined;

  async lock(): Promise<void> {
    while (this.held) await this.held;
    this.held = new Promise((resolve) => {
      this.release = resolve;
    });
  }

  unlock(): void {
    const release = this.release;
    this.held = undefined;
    this.release = undefined;
    release?.();
  }
}
