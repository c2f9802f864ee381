import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Command, Reply, WorkerAnswer, WorkerMessage } from "./protocol";

const WORKER = fileURLToPath(new URL("./worker.ts", import.meta.url));
/** Resolved here: the worker is TypeScript and needs the same loader as this process. */
const TSX_LOADER = import.meta.resolve("tsx");

/**
 * The generator processes, seen from the coordinator: one RPC channel each. A worker that
 * dies fails every call waiting on it, so a crash surfaces as an error, never as a hang.
 */
export class WorkerPool {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  private constructor(private readonly children: ChildProcess[]) {
    for (const child of children) {
      child.on("message", (answer: WorkerAnswer) => {
        const waiter = this.waiting.get(answer.id);
        this.waiting.delete(answer.id);
        if (answer.ok) waiter?.resolve(answer.result);
        else waiter?.reject(new Error(`generator ${child.pid}: ${answer.error}`));
      });
      child.once("exit", (code, signal) => {
        const error = new Error(`generator ${child.pid} exited (${signal ?? `code ${code}`})`);
        for (const waiter of this.waiting.values()) waiter.reject(error);
        this.waiting.clear();
      });
    }
  }

  static start(size: number): WorkerPool {
    const children = Array.from({ length: size }, () =>
      fork(WORKER, [], {
        execArgv: ["--import", TSX_LOADER],
        // Structured clone, not JSON: the histograms and ledgers cross as they are.
        serialization: "advanced",
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      }),
    );
    return new WorkerPool(children);
  }

  get size(): number {
    return this.children.length;
  }

  get pids(): number[] {
    return this.children.map((c) => c.pid ?? -1);
  }

  call<C extends Command>(index: number, command: C): Promise<Reply<C>> {
    const child = this.children[index];
    if (!child?.connected) return Promise.reject(new Error(`generator ${index} is not running`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, command } satisfies WorkerMessage);
    });
  }

  /** The same kind of command to every worker (built per worker), answers in worker order. */
  all<C extends Command>(commandFor: (index: number) => C): Promise<Array<Reply<C>>> {
    return Promise.all(this.children.map((_, i) => this.call(i, commandFor(i))));
  }

  /** Closes the sockets, then ends the processes (SIGKILL if one does not go). */
  async stop(): Promise<void> {
    await Promise.race([
      this.all(() => ({ cmd: "close" }) as const).catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 3_000)),
    ]);
    for (const child of this.children) {
      if (child.connected) child.disconnect();
      if (child.exitCode === null && child.signalCode === null) {
        setTimeout(() => child.kill("SIGKILL"), 2_000).unref();
      }
    }
  }

  /** Last resort at process exit, where nothing async can run. */
  killNow(): void {
    for (const child of this.children)
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}
