import { Worker } from "node:worker_threads";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";

type Reply =
  | { id: number; rows: unknown[] }
  | { id: number; changes: number; lastInsertRowid: number | bigint }
  | { id: number; ready: true }
  | { id: number; error: { message: string; code?: string; name: string } };

/**
 * SQLite on its own thread. better-sqlite3 runs each statement synchronously, and with
 * synchronous=FULL every commit waits for an fsync (1–6 ms on our reference VM): on the event
 * loop, that time is taken from every socket — fan-out, acks, pings — at every commit and every
 * search-indexing round. Here the connection lives in a worker thread (sqlite-thread.mjs) and
 * each query is a message to it, so the event loop keeps serving sockets while SQLite works and
 * the machine's second core does the SQL.
 *
 * Semantics are Kysely's own SQLite driver's: one connection, taken by one query or one
 * transaction at a time (a mutex), statements prepared once and cached, results not streamed.
 */
export class SqliteThreadDialect implements Dialect {
  constructor(private readonly file: string) {}
  createDriver(): Driver {
    return new SqliteThreadDriver(this.file);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createAdapter() {
    return new SqliteAdapter();
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's own dialects take Kysely<any> here.
  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db);
  }
}

class SqliteThreadDriver implements Driver {
  private connection?: SqliteThreadConnection;
  private readonly mutex = new Mutex();

  constructor(private readonly file: string) {}

  async init(): Promise<void> {
    this.connection = await SqliteThreadConnection.open(this.file);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.mutex.lock();
    if (!this.connection) throw new Error("the SQLite connection is closed");
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

  async releaseConnection(): Promise<void> {
    this.mutex.unlock();
  }

  async destroy(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    await connection?.close();
  }
}

class SqliteThreadConnection implements DatabaseConnection {
  private readonly pending = new Map<number, { resolve: (reply: Reply) => void }>();
  private nextId = 1;
  private closing = false;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      waiter?.resolve(reply);
    });
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => {
      if (!this.closing) this.fail(new Error(`the SQLite thread exited (code ${code})`));
    });
  }

  /** Starts the thread and waits until the file is open (an unopenable file rejects here). */
  static open(file: string): Promise<SqliteThreadConnection> {
    const worker = new Worker(new URL("./sqlite-thread.mjs", import.meta.url), { workerData: { file } });
    const connection = new SqliteThreadConnection(worker);
    return new Promise((resolve, reject) => {
      connection.pending.set(0, {
        resolve: (reply) => {
          if ("error" in reply) {
            connection.closing = true;
            reject(toError(reply.error));
          } else resolve(connection);
        },
      });
    });
  }

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const id = this.nextId++;
    // Where the query was made (the thread's own stack says nothing useful). Formatting a
    // stack is costly, so it is only read if the query fails.
    const origin = new Error();
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve: (reply) => {
          if ("error" in reply) reject(toError(reply.error, origin.stack));
          else if ("rows" in reply) resolve({ rows: reply.rows as R[] });
          else if ("changes" in reply)
            resolve({
              rows: [],
              numAffectedRows: BigInt(reply.changes),
              insertId: BigInt(reply.lastInsertRowid),
            });
        },
      });
      this.worker.postMessage({ id, sql: compiledQuery.sql, params: compiledQuery.parameters });
    });
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered (as in Kysely's note on SQLite).
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("streaming queries is not supported on SQLite here");
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const id = this.nextId++;
    const exited = new Promise((resolve) => this.worker.once("exit", resolve));
    await new Promise<void>((resolve) => {
      this.pending.set(id, { resolve: () => resolve() });
      this.worker.postMessage({ id, close: true });
    });
    await exited;
  }

  /**
   * The thread died (a native crash, out of memory): nothing it was asked is known to be
   * done. Every waiting query fails, and so does the process, as a crash of SQLite on the main
   * thread would have; its supervisor restarts it and clients resume.
   */
  private fail(error: Error): void {
    if (this.closing) return;
    this.closing = true;
    for (const [id, waiter] of this.pending) {
      this.pending.delete(id);
      waiter.resolve({ id, error: { message: error.message, name: "Error", code: "SQLITE_THREAD_DIED" } });
    }
    process.nextTick(() => {
      throw error;
    });
  }
}

/** Rebuilds better-sqlite3's error (its `code`, e.g. SQLITE_CONSTRAINT_UNIQUE, is what callers test). */
function toError(error: { message: string; code?: string; name: string }, stack?: string): Error {
  const result = new Error(error.message) as Error & { code?: string };
  result.name = error.name;
  if (error.code) result.code = error.code;
  if (stack) result.stack = `${error.name}: ${error.message}\n${stack.split("\n").slice(2).join("\n")}`;
  return result;
}

/** One holder at a time, in arrival order (Kysely's SqliteDriver does the same). */
class Mutex {
  private held?: Promise<void>;
  private release?: () => void;

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
