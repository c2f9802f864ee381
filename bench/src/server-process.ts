import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const PARLEY_MAIN = fileURLToPath(new URL("../../apps/server/src/main.ts", import.meta.url));
const BASELINE_MAIN = fileURLToPath(new URL("./baseline/socketio-server.ts", import.meta.url));
/** Resolved here, not by the child: the child runs in a temp dir where `tsx` is not findable. */
const TSX_LOADER = import.meta.resolve("tsx");
const START_TIMEOUT_MS = 30_000;
/** pino's numeric level for "error". */
const PINO_ERROR = 50;
/**
 * The per-connection frame budget the bench gives Parley (FRAME_BURST, FRAMES_PER_SECOND;
 * defaults 120 and 30/s), and its per-user and per-IP rate limits (RATE_*: posting 30 per
 * 10 s per user, joining 20 per minute...). A load test sends hundreds of frames per second per
 * socket, and joins thousands of members, from one address on purpose: at the defaults it
 * would measure the limiter, not the server.
 */
export const BENCH_FRAME_BUDGET = 1_000_000;

const LIFTED = String(BENCH_FRAME_BUDGET);
const BENCH_LIMITS_ENV: Record<string, string> = {
  FRAME_BURST: LIFTED,
  FRAMES_PER_SECOND: LIFTED,
  RATE_POST_USER_PER_10S: LIFTED,
  RATE_POST_IP_PER_10S: LIFTED,
  RATE_JOIN_USER_PER_MIN: LIFTED,
  RATE_JOIN_IP_PER_MIN: LIFTED,
  RATE_INVITE_USER_PER_HOUR: LIFTED,
  RATE_INVITE_IP_PER_HOUR: LIFTED,
};

export interface ServerProcess {
  pid: number;
  port: number;
  /** Error-level log lines the server printed so far (the first few kept in full). */
  errors: { count: number; examples: string[] };
  /** Resolves when the child exits, with its code or signal. */
  exited: Promise<string>;
  /** SIGTERM (graceful), then SIGKILL if it has not exited after a few seconds. Idempotent. */
  stop(): Promise<void>;
  /** Last resort for process exit, where nothing async can run: SIGKILL now. */
  killNow(): void;
}

/**
 * Runs the real Parley entry point in its own process, so the load generator never shares an
 * event loop with the server it measures. The cwd is the temp data dir so that a developer's
 * .env in the repo (which main.ts loads) cannot point the bench at their real database.
 */
export function startParley(dataDir: string, env: Record<string, string>): Promise<ServerProcess> {
  // For profiling the server under load, e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
  const extra = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  return startServer([...extra, "--import", TSX_LOADER, PARLEY_MAIN], dataDir, {
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    PARLEY_WEB: "0",
    LOG_LEVEL: "info",
    NODE_ENV: "production",
    ...BENCH_LIMITS_ENV,
    ...env,
  });
}

/** The Socket.IO baseline server (baseline/socketio-server.ts), run the same way. */
export function startBaseline(cwd: string): Promise<ServerProcess> {
  return startServer(["--import", TSX_LOADER, BASELINE_MAIN], cwd, { NODE_ENV: "production" });
}

async function startServer(args: string[], cwd: string, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const errors = { count: 0, examples: [] as string[] };
  const tail: string[] = [];
  const exited = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? `code ${code}`)),
  );
  const stop = stopper(child, exited);

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start in ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    onLines(child, (line) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      const entry = parseJson(line);
      if (entry && typeof entry.level === "number" && entry.level >= PINO_ERROR) {
        errors.count += 1;
        if (errors.examples.length < 5) errors.examples.push(line.slice(0, 500));
      }
      const url = entry && typeof entry.url === "string" ? entry.url : undefined;
      if (url) {
        clearTimeout(timer);
        resolve(Number(new URL(url).port));
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${how}) before listening:\n${tail.join("\n")}`));
    });
  }).catch(async (error) => {
    await stop();
    throw error;
  });

  const killNow = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  return { pid: child.pid ?? -1, port, errors, exited, stop, killNow };
}

/** Graceful first (the server closes its sockets and database), forceful if it hangs. */
function stopper(child: ChildProcess, exited: Promise<string>): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(killer);
    })();
    return stopping;
  };
}

function onLines(child: ChildProcess, handle: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) handle(line);
    });
  }
}

function parseJson(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith("{")) return undefined;
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
